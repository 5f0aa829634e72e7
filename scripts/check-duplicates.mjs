#!/usr/bin/env node
// Fails when hand-written code repeats itself. Runs the `duplicates` tool over the tree and keeps
// the pairs where both sides are hand-written source (generated files, tests, fixtures and rows the
// tool marks boilerplate are left out), minus import/export lists and the allow-list below.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Pairs that repeat on purpose: [file A, file B, why]. Keep this short; each entry needs a reason. */
const ALLOWED = [
  [
    "packages/runtime/src/errors/vendor-errors.ts",
    "packages/runtime/src/errors/vendor-errors.ts",
    "one class per error kind, same constructor shape by design (users catch by class)",
  ],
  [
    "packages/runtime/src/classify-network-error",
    "packages/runtime/src/classify-network-error",
    "node and browser builds of one classifier picked by the `browser` import condition; the lazy one defers the node build (bundle size)",
  ],
  ["bench/", "bench/", "standalone bench scripts, each run in its own fresh process"],
];

const SKIP = /\.gen\.(ts|json)$|\/test\/|\.test\.ts$|__golden__|__snapshots__|\/fixtures?\/|\/generated\//;
// Lines that do not count as logic: imports and export lists, comments, blank lines, signatures.
const NOT_LOGIC = [
  /^(import\b|export \{|export \* from|\} from "|type [\w$]+,?$|[\w$]+,$|[\w$]+ as [\w$]+,?$|\}?;?$)/,
  /^(\/\/|\/\*\*?|\*\/?)/,
  /^(export )?(async )?function [\w$]+[<(]/,
  /^[\w$]+\??: [^=;]+,?$/,
  /^\)(: .+)? \{$/,
];
/** A run with fewer logic lines than this is a shared signature or import list, not repeated logic. */
const MIN_LOGIC_LINES = 4;

const found = spawnSync("duplicates", ["--most", "200", "--seconds", "120"], { encoding: "utf8" });
if (found.error) {
  console.log("duplicates is not installed: skipping the repeated-code check");
  process.exit(0);
}
const rows = found.stdout.split("\n").filter((l) => /^D\d+ /.test(l) && !l.includes("boilerplate"));
const side = (text) => {
  const m = /^(.+):(\d+)-(\d+)$/.exec(text);
  return m ? { file: m[1], from: Number(m[2]), to: Number(m[3]) } : undefined;
};
const logicLines = ({ file, from, to }) =>
  readFileSync(file, "utf8")
    .split("\n")
    .slice(from - 1, to)
    .filter((line) => !NOT_LOGIC.some((re) => re.test(line.trim()))).length;

const offending = rows.filter((row) => {
  const [, left, right] = /^D\d+ (\S+) ~ (\S+)/.exec(row) ?? [];
  const a = side(left ?? "");
  const b = side(right ?? "");
  if (!a || !b || SKIP.test(a.file) || SKIP.test(b.file)) return false;
  if (Math.min(logicLines(a), logicLines(b)) < MIN_LOGIC_LINES) return false;
  return !ALLOWED.some(
    ([x, y]) =>
      (a.file.startsWith(x) && b.file.startsWith(y)) || (a.file.startsWith(y) && b.file.startsWith(x)),
  );
});
if (offending.length) {
  console.log(
    `${offending.length} repeated piece(s) of hand-written code (fold them into one, or allow-list with a reason in scripts/check-duplicates.mjs):`,
  );
  for (const row of offending) console.log(`  ${row}`);
  process.exit(1);
}
console.log(`no repeated hand-written code (${rows.length} rows read, allow-list of ${ALLOWED.length})`);
