/**
 * Runtime overhead: one POST through `createVendorClient(...).invoke` (api-key auth, body wrapper,
 * envelope decoding, error mapping, timeout, host policy) vs the same exchange (same method,
 * headers and body, JSON parsed, envelope code checked) made bare, on each Node path: the default
 * transport (undici) vs undici `request` on a keep-alive agent, and the fetch transport vs bare
 * `fetch`. The loopback server runs in a child process; all rows run interleaved in every round
 * (order rotating); medians of per-round means (and medians of the paired per-round ratios and
 * differences). Usage:
 *   node scripts/run-ts.mjs bench/runtime-overhead.ts [--rounds 21] [--calls 500] [--warmup 500]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";
import {
  createVendorClient,
  type OperationDefinition,
  type VendorDefinition,
} from "../packages/runtime/src/index.ts";
import { spawnReplyServer } from "./lib/spawn-reply-server.ts";
import { numberArg } from "./lib/stats.ts";

const ROUNDS = numberArg("rounds", 21);
const CALLS = numberArg("calls", 500);
const WARMUP = numberArg("warmup", 500);
const OK = JSON.stringify({ code: 0, msg: "ok", data: { task_id: "t-123", status: 2 }, trace_id: "tr-1" });
const BAD_KEY = JSON.stringify({ code: 401001, msg: "bad key" });
const REPLY_SOURCE = `(req) => (req.headers["x-api-key"] === "bench-key" ? ${JSON.stringify(OK)} : ${JSON.stringify(BAD_KEY)})`;

interface Row {
  name: string;
  call: () => Promise<unknown>;
}

function rows(origin: string): [Row, Row, Row, Row, Row, Row, Row] {
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
  const onDefault = createVendorClient(vendor, {
    baseUrl: `${origin}/v1`,
    allowInsecureLoopback: true,
    apiKey: "bench-key",
    env: {},
  } as Parameters<typeof createVendorClient>[1]);
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
  const agent = new Agent({
    connections: 32,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
  });
  // The same exchange as the runtime's: POST, the same four headers, the same body.
  const sameHeaders = {
    accept: "application/json",
    "user-agent": "@gen/acme (runtime 0.1.0)",
    "content-type": "application/json",
    "x-api-key": "bench-key",
  };
  const bareUndici = async () => {
    const res = await request(url, { method: "POST", headers: sameHeaders, body: "{}", dispatcher: agent });
    const body = (await res.body.json()) as { code: number; data: unknown };
    if (body.code !== 0) throw new Error("bad");
    return body.data;
  };
  // What any client with a per-call timeout pays on undici: a fresh AbortSignal plus a timer.
  const bareUndiciWithTimeout = async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    try {
      const res = await request(url, {
        method: "POST",
        headers: sameHeaders,
        body: "{}",
        dispatcher: agent,
        signal: controller.signal,
      });
      const body = (await res.body.json()) as { code: number; data: unknown };
      if (body.code !== 0) throw new Error("bad");
      return body.data;
    } finally {
      clearTimeout(timer);
    }
  };
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
    { name: "bare undici request", call: bareUndici },
    { name: "bare undici request + timeout signal", call: bareUndiciWithTimeout },
    {
      name: "runtime invoke (default transport: undici)",
      call: () => onDefault.invoke(op, { task_id: "t-123" }),
    },
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
  const { child, origin } = await spawnReplyServer(REPLY_SOURCE);
  try {
    const [bareU, signalledU, runtimeU, bare, signalled, runtime, own] = rows(origin);
    const all = [bareU, signalledU, runtimeU, bare, signalled, runtime];
    for (const row of all) await measure(row, WARMUP);
    const samples = {
      bareU: [] as S,
      signalledU: [] as S,
      runtimeU: [] as S,
      bare: [] as S,
      signalled: [] as S,
      runtime: [] as S,
    };
    const names = ["bareU", "signalledU", "runtimeU", "bare", "signalled", "runtime"] as const;
    const key = (row: Row) => names[all.indexOf(row)]!;
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
    const bu = m(samples.bareU);
    const ru = m(samples.runtimeU);
    const undiciRatio = median(samples.runtimeU.map((x, i) => x.wallUs / samples.bareU[i]!.wallUs));
    const undiciExtraCpu = median(samples.runtimeU.map((x, i) => x.cpuUs - samples.bareU[i]!.cpuUs));
    await measure(own, WARMUP * 4);
    const ownSamples: S = [];
    for (let round = 0; round < ROUNDS; round++) ownSamples.push(await measure(own, CALLS * 4));
    const report = {
      benchmark: "runtime-overhead",
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg().map(r1),
      rounds: ROUNDS,
      callsPerRound: CALLS,
      warmupCalls: WARMUP,
      method:
        "sequential POST of a small enveloped JSON body (keep-alive) to a child-process loopback server; the same exchange bare (same headers and body, JSON parsed, code checked) vs createVendorClient().invoke, on the default Node transport (undici) and on fetchTransport(fetch); all rows interleaved per round, order rotating; medians of per-round means, and medians of per-round paired ratios/differences",
      defaultTransport: {
        bareUndiciRequest: { wallUsPerCall: r1(bu.wall), cpuUsPerCall: r1(bu.cpu) },
        runtime: { wallUsPerCall: r1(ru.wall), cpuUsPerCall: r1(ru.cpu) },
        wallRatio: Math.round((ru.wall / bu.wall) * 1000) / 1000,
        wallRatioPerRoundMedian: Math.round(undiciRatio * 1000) / 1000,
        extraCpuUsPerCall: r1(ru.cpu - bu.cpu),
        extraCpuUsPerCallPerRoundMedian: r1(undiciExtraCpu),
        vsBareWithTimeoutSignal: {
          bare: {
            wallUsPerCall: r1(m(samples.signalledU).wall),
            cpuUsPerCall: r1(m(samples.signalledU).cpu),
          },
          wallRatioPerRoundMedian:
            Math.round(
              median(samples.runtimeU.map((x, i) => x.wallUs / samples.signalledU[i]!.wallUs)) * 1000,
            ) / 1000,
          extraCpuUsPerCallPerRoundMedian: r1(
            median(samples.runtimeU.map((x, i) => x.cpuUs - samples.signalledU[i]!.cpuUs)),
          ),
        },
      },
      fetchTransport: "the fields below: bare fetch vs the runtime on fetchTransport(globalThis.fetch)",
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
