/**
 * The hot path as a user meets it: the generated Media.io client's validated create (input
 * validation, auth, body wrapper, envelope decoding, task handle) in its own fresh `node` process
 * on the built package, against undici `request` making the same exchange (same body, JSON parsed,
 * code checked) in another fresh process; one loopback server in a third. Rounds interleave the two
 * (order alternating); per round the ratio client/undici of wall and CPU time per call is paired,
 * and the medians of those ratios are reported. Needs `pnpm build` of spec, runtime and mediaio.
 * The machine is shared and loaded: many short interleaved rounds, the median of the paired ratios
 * and its quartiles, the load average before and after.
 *   node scripts/run-ts.mjs bench/user-create.ts [--rounds 41] [--calls 1000] [--warmup 2000]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createInterface, type Interface } from "node:readline";
import { spawnReplyServer } from "./lib/spawn-reply-server.ts";
import { median, numberArg, quantile, round, writeResult } from "./lib/stats.ts";

const ROUNDS = numberArg("rounds", 41);
const CALLS = numberArg("calls", 1000);
const WARMUP = numberArg("warmup", 2000);
const OK = JSON.stringify({ code: 0, msg: "ok", data: { task_id: "t-123" }, trace_id: "tr-1" });
const BAD = JSON.stringify({ code: 401, msg: "bad key" });
const REPLY = `(req) => (req.headers["x-api-key"] === "bench-key" ? ${JSON.stringify(OK)} : ${JSON.stringify(BAD)})`;

interface Worker {
  child: ChildProcess;
  lines: AsyncIterator<string>;
  rl: Interface;
}

async function startWorker(kind: "client" | "undici", origin: string): Promise<Worker> {
  const child = spawn(process.execPath, ["bench/lib/create-worker.mjs", kind, origin, String(WARMUP)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const rl = createInterface({ input: child.stdout! });
  const lines = rl[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.value !== "ready") throw new Error(`${kind} worker did not start: ${first.value}`);
  return { child, lines, rl };
}

async function measure(w: Worker): Promise<{ wallUs: number; cpuUs: number }> {
  w.child.stdin!.write(`${CALLS}\n`);
  const { value } = await w.lines.next();
  return JSON.parse(value as string);
}

if (!existsSync("packages/mediaio/dist/index.js") || !existsSync("packages/runtime/dist/index.js")) {
  console.error("build first: pnpm --filter @gen/spec --filter @gen/runtime --filter @gen/mediaio build");
  process.exit(1);
}
const loadBefore = loadavg().map((n) => round(n, 2));
const server = await spawnReplyServer(REPLY);
const client = await startWorker("client", server.origin);
const undici = await startWorker("undici", server.origin);
const rounds: Array<{
  client: { wallUs: number; cpuUs: number };
  undici: { wallUs: number; cpuUs: number };
}> = [];
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? [client, undici] : [undici, client];
  const [first, second] = [await measure(order[0]!), await measure(order[1]!)];
  rounds.push(r % 2 === 0 ? { client: first, undici: second } : { client: second, undici: first });
}
for (const w of [client, undici]) {
  w.child.stdin!.end();
  w.rl.close();
  w.child.kill();
  await once(w.child, "exit");
}
server.child.kill();

const wallRatios = rounds.map((x) => x.client.wallUs / x.undici.wallUs);
const cpuRatios = rounds.map((x) => x.client.cpuUs / x.undici.cpuUs);
const wallRatio = median(wallRatios);
const cpuRatio = median(cpuRatios);
const report = {
  what: "generated client validated create (fresh process, built package) vs undici request (fresh process), same loopback server",
  rounds: ROUNDS,
  callsPerRound: CALLS,
  warmup: WARMUP,
  machine: {
    cpus: cpus().length,
    loadavgBefore: loadBefore,
    loadavg: loadavg().map((n) => round(n, 2)),
    node: process.version,
  },
  medianUs: {
    clientWall: round(median(rounds.map((x) => x.client.wallUs))),
    undiciWall: round(median(rounds.map((x) => x.undici.wallUs))),
    clientCpu: round(median(rounds.map((x) => x.client.cpuUs))),
    undiciCpu: round(median(rounds.map((x) => x.undici.cpuUs))),
  },
  pairedRatio: { wall: round(wallRatio, 3), cpu: round(cpuRatio, 3) },
  pairedRatioQuartiles: {
    wall: [0.25, 0.75].map((q) => round(quantile(wallRatios, q), 3)),
    cpu: [0.25, 0.75].map((q) => round(quantile(cpuRatios, q), 3)),
  },
  pairedDiffUs: {
    wall: round(median(rounds.map((x) => x.client.wallUs - x.undici.wallUs))),
    cpu: round(median(rounds.map((x) => x.client.cpuUs - x.undici.cpuUs))),
  },
  target: "<= 1.10x",
};
await writeResult("user-create", report);
console.log(JSON.stringify(report, null, 2));
