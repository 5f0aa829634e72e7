/**
 * Transport micro-benchmark: one small JSON exchange per call against a loopback server running in
 * a separate child process, so client CPU is measured alone. Rows run interleaved within each
 * round; the report gives medians over rounds. Usage:
 *   node scripts/run-ts.mjs bench/transport.ts [--rounds 15] [--calls 1000] [--warmup 500]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import createClient from "openapi-fetch";
import { Agent, request } from "undici";
import * as runtime from "../packages/runtime/src/index.ts";
import { undiciTransport } from "../packages/runtime/src/undici-transport.ts";
import { spawnReplyServer } from "./lib/spawn-reply-server.ts";
import { numberArg } from "./lib/stats.ts";
import { acmeRows } from "./transport-acme.ts";

const ROUNDS = numberArg("rounds", 15);
const CALLS = numberArg("calls", 1000);
const WARMUP = numberArg("warmup", 500);
const SLICES = 10;
const REPLY_SOURCE = `() => ${JSON.stringify(JSON.stringify({ code: 0, message: "ok", data: { id: "t-123", status: "succeeded", progress: 100 } }))}`;

export type Row = { name: string; call: () => Promise<unknown> };

function baseRows(origin: string): Row[] {
  const url = `${origin}/v1/tasks/t-123`;
  const agent = new Agent({
    connections: 32,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
  // Like the pipeline, each call gets its own signal (a fresh signal's first listener costs ~5 µs).
  const viaTransport = (transport: runtime.Transport) => async () => {
    const signal = new AbortController().signal;
    return JSON.parse(await (await transport({ url, method: "GET", headers: {}, signal })).text());
  };
  type Paths = {
    "/v1/tasks/{id}": {
      get: {
        parameters: { path: { id: string } };
        responses: { 200: { content: { "application/json": { code: number; data: unknown } } } };
      };
    };
  };
  const openapi = createClient<Paths>({ baseUrl: origin });
  return [
    {
      name: "undici request (keep-alive agent)",
      call: async () => (await request(url, { dispatcher: agent })).body.json(),
    },
    {
      name: "undici request + per-call signal",
      call: async () =>
        (await request(url, { dispatcher: agent, signal: new AbortController().signal })).body.json(),
    },
    {
      // The exchange of the "runtime invoke" rows (transport-acme.ts), bare: same method, headers, body.
      name: "undici request, the runtime rows' POST",
      call: async () => {
        const res = await request(`${origin}/v1/tasks/query`, {
          method: "POST",
          dispatcher: agent,
          headers: {
            accept: "application/json",
            "user-agent": "@gen/acme (runtime 0.1.0)",
            "content-type": "application/json",
            "x-api-key": "bench-key",
          },
          body: JSON.stringify({ taskId: "t-123" }),
        });
        const body = (await res.body.json()) as { code: number; data: unknown };
        if (body.code !== 0) throw new Error("bad");
        return body.data;
      },
    },
    { name: "global fetch", call: async () => (await fetch(url)).json() },
    {
      name: "openapi-fetch 0.17",
      call: () => openapi.GET("/v1/tasks/{id}", { params: { path: { id: "t-123" } } }),
    },
    { name: "fetchTransport()", call: viaTransport(runtime.fetchTransport()) },
    { name: "undiciTransport()", call: viaTransport(undiciTransport()) },
    {
      name: `defaultTransport (${runtime.defaultTransportKind})`,
      call: viaTransport(runtime.defaultTransport),
    },
  ];
}

interface Sample {
  wallUs: number;
  cpuUs: number;
}

async function measure(row: Row, calls: number): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < calls; i++) await row.call();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallUs: (wall * 1000) / calls, cpuUs: (used.user + used.system) / calls };
}

setFlagsFromString("--expose-gc");
const gcFull = runInNewContext("gc") as (options?: { type: "minor" | "major" }) => void;
const gc = (): void => gcFull({ type: "minor" });

let seed = 42;
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round1 = (n: number): number => Math.round(n * 10) / 10;

async function main(): Promise<void> {
  const loadAtStart = loadavg().map(round1);
  const { child, origin } = await spawnReplyServer(REPLY_SOURCE);
  try {
    const rows = [...baseRows(origin), ...(await acmeRows(origin))];
    for (const row of rows) {
      await row.call();
      await measure(row, WARMUP);
    }
    const samples = new Map<string, Sample[]>(rows.map((r) => [r.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      // A round runs every row in SLICES interleaved slices, in random order, so load drift on
      // a shared machine hits all rows alike; each row's round sample sums its slices.
      const sums = new Map<string, Sample>(rows.map((r) => [r.name, { wallUs: 0, cpuUs: 0 }]));
      for (let slice = 0; slice < SLICES; slice++) {
        for (const row of shuffled(rows)) {
          gc(); // no row pays for the garbage the previous one left behind
          const sample = await measure(row, CALLS / SLICES);
          const sum = sums.get(row.name)!;
          sum.wallUs += sample.wallUs / SLICES;
          sum.cpuUs += sample.cpuUs / SLICES;
        }
      }
      for (const [name, sum] of sums) samples.get(name)!.push(sum);
    }
    const medians = (name: string) => {
      const s = samples.get(name)!;
      const walls = s.map((x) => x.wallUs);
      return { wall: median(walls), cpu: median(s.map((x) => x.cpuUs)), wallMin: Math.min(...walls) };
    };
    const bare = medians(rows[0]!.name);
    const signalled = medians(rows[1]!.name);
    const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
    const results = rows.map((row) => {
      const m = medians(row.name);
      return {
        name: row.name,
        wallUsPerCall: round1(m.wall),
        cpuUsPerCall: round1(m.cpu),
        wallUsMinRound: round1(m.wallMin),
        wallVsUndici: ratio(m.wall, bare.wall),
        cpuVsUndici: ratio(m.cpu, bare.cpu),
        wallVsUndiciSignal: ratio(m.wall, signalled.wall),
        cpuVsUndiciSignal: ratio(m.cpu, signalled.cpu),
      };
    });
    console.table(results);
    const report = {
      benchmark: "transport",
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map(round1),
      rounds: ROUNDS,
      callsPerRound: CALLS,
      warmupCalls: WARMUP,
      slicesPerRound: SLICES,
      method:
        "sequential GET of a small JSON body (keep-alive) against a child-process loopback server; rows interleaved in shuffled slices, young-generation GC between slices; medians over rounds",
      results,
    };
    mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
    writeFileSync(
      new URL("./results/transport.json", import.meta.url),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  } finally {
    child.kill();
  }
}

await main();
