/**
 * The README's main job (`pnpm demo`): regenerate the vendor packages, build, start the vendor
 * simulators (`gen mock`), and run one real task per vendor through the `gen` CLI as a
 * subprocess (`gen call ... --wait --download .tmp/demo`), then print the URLs and files.
 * No credentials needed: the simulators' own credentials are passed to the subprocesses via env.
 *
 * Flags: --skip-generate, --skip-build, --task-ms MS (simulated task duration, default 3000).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const outDir = join(root, ".tmp", "demo");

interface DemoCall {
  vendor: string;
  operation: string;
  sets: string[];
}

/**
 * One task per vendor: each vendor package's manifest `example` (operation and input), found the
 * way the `gen` CLI finds vendors, so a new vendor joins the demo with no edit here.
 */
async function demoCalls(): Promise<DemoCall[]> {
  const { discoverVendors } = await import("../packages/cli/src/discover-vendors.ts");
  return (await discoverVendors(root)).flatMap(({ id, manifest }) => {
    const example = manifest?.example;
    if (!example) return [];
    const sets = Object.entries(example.input).map(([name, value]) => `${name}=${value}`);
    return [{ vendor: id, operation: example.operation, sets }];
  });
}

interface SimulatorLine {
  type: string;
  vendor?: string;
  baseUrl?: string;
  env?: Record<string, string>;
}

const { values } = parseArgs({
  options: {
    "skip-generate": { type: "boolean" },
    "skip-build": { type: "boolean" },
    "task-ms": { type: "string", default: "3000" },
  },
});

function step(title: string): void {
  console.log(`\n=== ${title}`);
}

/** The CLI as a command: the built binary when the build succeeded, else the sources via tsx. */
function genCommand(useDist: boolean): string[] {
  const dist = join(root, "packages/cli/dist/bin.js");
  if (useDist && existsSync(dist)) return [process.execPath, dist];
  return [
    process.execPath,
    "--conditions=@gen/source",
    require.resolve("tsx/cli"),
    "--conditions=@gen/source",
    join(root, "packages/cli/src/bin.ts"),
  ];
}

function runSync(title: string, command: string[]): boolean {
  step(title);
  console.log(`$ ${command.map((c) => (c.startsWith(root) ? relative(root, c) || "." : c)).join(" ")}`);
  const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
  const r = spawnSync(command[0] as string, command.slice(1), { cwd: root, stdio: "inherit", env });
  return r.status === 0;
}

/** Starts `gen mock --json` and resolves once every simulator is up. */
async function startMock(
  gen: string[],
  taskMs: string,
  calls: readonly DemoCall[],
): Promise<{ child: ChildProcess; sims: SimulatorLine[] }> {
  const vendors = calls.map((c) => c.vendor);
  const child = spawn(
    gen[0] as string,
    [...gen.slice(1), "mock", ...vendors, "--json", "--task-ms", taskMs],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const sims: SimulatorLine[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  return new Promise((resolvePromise, reject) => {
    child.once("exit", (code) => reject(new Error(`gen mock exited early (code ${code})`)));
    lines.on("line", (line) => {
      const event = JSON.parse(line) as SimulatorLine;
      if (event.type === "simulator") {
        sims.push(event);
        console.log(`${event.vendor?.padEnd(9)} ${event.baseUrl}`);
      }
      if (event.type === "ready") resolvePromise({ child, sims });
    });
  });
}

/** Runs one `gen call`, echoing its stdout; returns the url/file lines it printed. */
function runCall(
  gen: string[],
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; lines: string[] }> {
  console.log(`$ gen ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
  const child = spawn(gen[0] as string, [...gen.slice(1), ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    console.log(`  ${line}`);
    lines.push(line);
  });
  return new Promise((resolvePromise) =>
    child.on("close", (code) => resolvePromise({ code: code ?? 1, lines })),
  );
}

async function main(): Promise<number> {
  if (
    !values["skip-generate"] &&
    !runSync("Regenerate the vendor packages (gen generate)", [...genCommand(false), "generate"])
  ) {
    console.error("gen generate failed");
    return 1;
  }
  let built = false;
  if (!values["skip-build"]) {
    const turbo = join(root, "node_modules/.bin/turbo");
    built = runSync("Build every package (turbo run build)", [
      turbo,
      "run",
      "build",
      "--output-logs=new-only",
    ]);
    if (!built) console.error("warning: the build failed; the demo continues from the TypeScript sources");
  }
  const gen = genCommand(built);

  step("Start the vendor simulators (gen mock)");
  const calls = await demoCalls();
  const { child: mock, sims } = await startMock(gen, values["task-ms"] as string, calls);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const summary: Array<{ vendor: string; code: number; urls: string[]; files: string[] }> = [];
  try {
    for (const call of calls) {
      const sim = sims.find((s) => s.vendor === call.vendor);
      if (!sim?.baseUrl) continue;
      step(`${call.vendor}: one task through the CLI`);
      const args = ["call", call.vendor, call.operation, ...call.sets.flatMap((s) => ["--set", s])];
      const dir = relative(root, outDir);
      args.push(
        "--wait",
        "--download",
        dir,
        "--handle",
        `${dir}/${call.vendor}-task.json`,
        "--base-url",
        sim.baseUrl,
        // Simulated tasks finish in seconds; the adaptive schedule is tuned for the real vendors'
        // minutes-long tasks (no poll before the estimated lower bound), so poll at a fixed pace here.
        "--poll-ms",
        "500",
      );
      const { code, lines } = await runCall(gen, args, { ...process.env, ...sim.env });
      const pick = (prefix: string) =>
        lines.filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
      summary.push({ vendor: call.vendor, code, urls: pick("url: "), files: pick("file: ") });
    }
  } finally {
    mock.removeAllListeners("exit");
    mock.kill("SIGINT");
  }

  step("Results");
  for (const row of summary) {
    console.log(`${row.vendor}: ${row.code === 0 ? "ok" : `FAILED (exit ${row.code})`}`);
    for (const url of row.urls) console.log(`  url:  ${url}`);
    for (const file of row.files) console.log(`  file: ${relative(root, file)}`);
  }
  const failed = summary.filter((r) => r.code !== 0).length + (calls.length - summary.length);
  console.log(failed === 0 ? "\nDemo complete." : `\n${failed} vendor(s) failed.`);
  return failed === 0 ? 0 : 1;
}

process.exit(await main());
