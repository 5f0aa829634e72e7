/**
 * Runtime overhead: one POST through `createVendorClient(...).invoke` (api-key auth, body wrapper,
 * envelope decoding, error mapping, timeout signal, host policy) vs the same exchange with a bare
 * `fetch`, both on `fetch` so the ratio measures the runtime alone. The loopback server runs in a
 * child process; the rows (bare, bare + timeout signal, runtime) run interleaved in every round (order alternating); medians of
 * per-round means (and medians of the paired per-round ratios and differences). Usage:
 *   node scripts/run-ts.mjs bench/runtime-overhead.ts [--rounds 21] [--calls 500] [--warmup 500]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import {
  createVendorClient,
  type OperationDefinition,
  type VendorDefinition,
} from "../packages/runtime/src/index.ts";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const ROUNDS = arg("rounds", 21);
const CALLS = arg("calls", 500);
const WARMUP = arg("warmup", 500);

const SERVER = `
const http = require("node:http");
const ok = JSON.stringify({ code: 0, msg: "ok", data: { task_id: "t-123", status: 2 }, trace_id: "tr-1" });
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const good = req.headers["x-api-key"] === "bench-key";
    const body = good ? ok : JSON.stringify({ code: 401001, msg: "bad key" });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

async function startServer(): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  return { child, origin: `http://127.0.0.1:${line.toString().trim()}` };
}

interface Row {
  name: string;
  call: () => Promise<unknown>;
}

function rows(origin: string): [Row, Row, Row, Row] {
  const vendor: VendorDefinition = {
    id: "acme",
    displayName: "Acme",
    baseUrl: "https://api.acme.test/v1",
    hosts: { api: ["api.acme.test"] },
    auth: { type: "apiKey", header: "X-API-KEY", credential: { option: "apiKey", env: ["ACME_API_KEY"] } },
    envelope: {
      codeField: "code",
      messageField: "msg",
      dataField: "data",
      traceIdField: "trace_id",
      successCodes: [0],
    },
    errors: { "401001": { kind: "authentication", message: "Bad key" } },
    request: { bodyWrapper: "data" },
  };
  const op: OperationDefinition<{ task_id: string }, unknown> = {
    id: "getTask",
    name: "Task Result",
    method: "POST",
    path: "/tasks/{task_id}",
    pathParams: ["task_id"],
    kind: "read",
  };
  const client = createVendorClient(vendor, {
    baseUrl: `${origin}/v1`,
    allowInsecureLoopback: true,
    fetch: globalThis.fetch,
    apiKey: "bench-key",
    env: {},
  } as Parameters<typeof createVendorClient>[1]);
  // The runtime's own CPU: the same call on an in-memory transport that answers at once.
  const canned = JSON.stringify({
    code: 0,
    msg: "ok",
    data: { task_id: "t-123", status: 2 },
    trace_id: "tr-1",
  });
  const inMemory = createVendorClient(vendor, {
    baseUrl: `${origin}/v1`,
    allowInsecureLoopback: true,
    apiKey: "bench-key",
    env: {},
    transport: async () => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: (async function* () {})(),
      text: async () => canned,
      dump: async () => {},
    }),
  } as Parameters<typeof createVendorClient>[1]);
  const url = `${origin}/v1/tasks/t-123`;
  const bare = async () => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "x-api-key": "bench-key" },
      body: "{}",
    });
    const body = (await res.json()) as { code: number; data: unknown };
    if (body.code !== 0) throw new Error("bad");
    return body.data;
  };
  // What any client with a per-call timeout pays on fetch: a fresh AbortSignal plus a timer.
  const bareWithTimeout = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", "x-api-key": "bench-key" },
        body: "{}",
        signal: controller.signal,
      });
      const body = (await res.json()) as { code: number; data: unknown };
      if (body.code !== 0) throw new Error("bad");
      return body.data;
    } finally {
      clearTimeout(timer);
    }
  };
  return [
    { name: "bare fetch", call: bare },
    { name: "bare fetch + timeout signal", call: bareWithTimeout },
    { name: "runtime invoke (fetch transport)", call: () => client.invoke(op, { task_id: "t-123" }) },
    { name: "runtime invoke (in-memory transport)", call: () => inMemory.invoke(op, { task_id: "t-123" }) },
  ];
}

async function measure(row: Row, calls: number): Promise<{ wallUs: number; cpuUs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await row.call();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallUs: (wall * 1000) / calls, cpuUs: (used.user + used.system) / calls };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const r1 = (n: number): number => Math.round(n * 10) / 10;

type S = Array<{ wallUs: number; cpuUs: number }>;

async function main(): Promise<void> {
  const { child, origin } = await startServer();
  try {
    const [bare, signalled, runtime, own] = rows(origin);
    const all = [bare, signalled, runtime];
    for (const row of all) await measure(row, WARMUP);
    const samples = { bare: [] as S, signalled: [] as S, runtime: [] as S };
    const key = (row: Row) => (row === bare ? "bare" : row === signalled ? "signalled" : "runtime");
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order so no row always runs first or last in a round.
      for (let i = 0; i < all.length; i++) {
        const row = all[(i + round) % all.length]!;
        samples[key(row)].push(await measure(row, CALLS));
      }
    }
    const m = (s: S) => ({
      wall: median(s.map((x) => x.wallUs)),
      cpu: median(s.map((x) => x.cpuUs)),
    });
    const b = m(samples.bare);
    const bs = m(samples.signalled);
    const r = m(samples.runtime);
    const perRoundRatio = median(samples.runtime.map((x, i) => x.wallUs / samples.bare[i]!.wallUs));
    const perRoundExtraCpu = median(samples.runtime.map((x, i) => x.cpuUs - samples.bare[i]!.cpuUs));
    await measure(own, WARMUP * 4);
    const ownSamples: S = [];
    for (let round = 0; round < ROUNDS; round++) ownSamples.push(await measure(own, CALLS * 4));
    const report = {
      benchmark: "runtime-overhead",
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      rounds: ROUNDS,
      callsPerRound: CALLS,
      warmupCalls: WARMUP,
      method:
        "sequential POST of a small enveloped JSON body (keep-alive) to a child-process loopback server; bare fetch vs createVendorClient().invoke on fetchTransport(fetch); rows interleaved per round; medians",
      bare: { wallUsPerCall: r1(b.wall), cpuUsPerCall: r1(b.cpu) },
      bareWithTimeoutSignal: { wallUsPerCall: r1(bs.wall), cpuUsPerCall: r1(bs.cpu) },
      runtime: { wallUsPerCall: r1(r.wall), cpuUsPerCall: r1(r.cpu) },
      wallRatio: Math.round((r.wall / b.wall) * 1000) / 1000,
      wallRatioPerRoundMedian: Math.round(perRoundRatio * 1000) / 1000,
      extraCpuUsPerCall: r1(r.cpu - b.cpu),
      extraCpuUsPerCallPerRoundMedian: r1(perRoundExtraCpu),
      vsBareWithTimeoutSignal: {
        wallRatio: Math.round((r.wall / bs.wall) * 1000) / 1000,
        extraCpuUsPerCall: r1(r.cpu - bs.cpu),
        extraCpuUsPerCallPerRoundMedian: r1(
          median(samples.runtime.map((x, i) => x.cpuUs - samples.signalled[i]!.cpuUs)),
        ),
      },
      runtimeOwnCpuUsPerCall: r1(median(ownSamples.map((x) => x.cpuUs))),
      targets: { wallRatio: 1.1, extraCpuUsPerCall: 50 },
    };
    console.log(JSON.stringify(report, null, 2));
    mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
    writeFileSync(
      new URL("./results/runtime-overhead.json", import.meta.url),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  } finally {
    child.kill();
  }
}

await main();
