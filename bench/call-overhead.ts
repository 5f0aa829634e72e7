/**
 * Call overhead: one validated create through the generated Media.io client (zod/mini input
 * check, body wrapper, auth, envelope decoding, task handle) vs a bare `fetch` vs openapi-fetch
 * doing the same exchange, (a) against a loopback server in a child process and (b) against an
 * in-memory `fetch` returning a canned Response (pure client overhead). Medians over rounds.
 * Usage: node scripts/run-ts.mjs bench/call-overhead.ts [--rounds 9] [--calls 300] [--mem-calls 2000]
 */
import createClient from "openapi-fetch";
import { createMediaio } from "../packages/mediaio/src/index.ts";
import { defaultTransportKind } from "../packages/runtime/src/index.ts";
import { measureRows, type Row } from "./lib/measure-rows.ts";
import { spawnReplyServer } from "./lib/spawn-reply-server.ts";
import { numberArg, writeResult } from "./lib/stats.ts";

const ROUNDS = numberArg("rounds", 9);
const CALLS = numberArg("calls", 300);
const MEM_CALLS = numberArg("mem-calls", 2000);
const KEY = "bench-key";
const PATH = "/generation/imagen/t2i-imagen-4";
const REPLY = JSON.stringify({ code: 0, msg: "", data: { task_id: "t-123" }, trace_id: "tr-1" });
const INPUT = { prompt: "a red fox in the snow, cinematic", ratio: "16:9" as const, counts: "1" as const };

const memoryFetch: typeof fetch = async () =>
  new Response(REPLY, { status: 200, headers: { "content-type": "application/json" } });

type Paths = {
  [PATH]: {
    post: {
      requestBody: { content: { "application/json": { data: typeof INPUT } } };
      responses: { 200: { content: { "application/json": { code: number; data: { task_id: string } } } } };
    };
  };
};

function rows(origin: string, fetchImpl: typeof fetch, withDefault: boolean): Row[] {
  const url = `${origin}${PATH}`;
  const headers = { "content-type": "application/json", accept: "application/json", "x-api-key": KEY };
  const bare = async () => {
    const res = await fetchImpl(url, { method: "POST", headers, body: JSON.stringify({ data: INPUT }) });
    const body = (await res.json()) as { code: number; data: { task_id: string } };
    if (body.code !== 0) throw new Error("bad");
    return body.data.task_id;
  };
  const openapi = createClient<Paths>({ baseUrl: origin, fetch: fetchImpl, headers: { "x-api-key": KEY } });
  const viaOpenapi = async () => {
    const { data } = await openapi.POST(PATH, { body: { data: INPUT } });
    if (data?.code !== 0) throw new Error("bad");
    return data.data.task_id;
  };
  const options = { baseUrl: origin, apiKey: KEY, allowInsecureLoopback: true, env: {} };
  const onFetch = createMediaio({ ...options, fetch: fetchImpl });
  const list: Row[] = [
    { name: "bare fetch (no validation)", call: bare },
    { name: "openapi-fetch 0.17 (no validation)", call: viaOpenapi },
    { name: "generated client, fetch transport (validated)", call: () => onFetch.t2iImagen4(INPUT) },
  ];
  if (withDefault) {
    const onDefault = createMediaio(options);
    list.push({
      name: `generated client, default ${defaultTransportKind} transport (validated)`,
      call: () => onDefault.t2iImagen4(INPUT),
    });
  }
  return list;
}

async function main(): Promise<void> {
  const { child, origin } = await spawnReplyServer(`() => ${JSON.stringify(REPLY)}`);
  try {
    const loopback = await measureRows(rows(origin, globalThis.fetch, true), ROUNDS, CALLS, 300);
    const memory = await measureRows(
      rows("https://openapi.media.io", memoryFetch, false),
      ROUNDS,
      MEM_CALLS,
      500,
    );
    console.table(loopback);
    console.table(memory);
    const ops = (list: typeof loopback, prefix: string) =>
      list.find((r) => r.name.startsWith(prefix))!.opsPerSec;
    await writeResult("call-overhead", {
      benchmark: "call-overhead",
      date: new Date().toISOString(),
      node: process.version,
      rounds: ROUNDS,
      callsPerRound: { loopback: CALLS, memory: MEM_CALLS },
      method:
        "sequential POST of a validated Media.io create (t2iImagen4) body; loopback server in a child process (keep-alive) and an in-memory fetch returning a canned Response; rows interleaved; medians over rounds",
      target: "generated client ops/s >= openapi-fetch ops/s, validation on",
      loopback,
      memory,
      ratios: {
        loopbackFetchTransportVsOpenapiFetch:
          Math.round((ops(loopback, "generated client, fetch") / ops(loopback, "openapi-fetch")) * 100) / 100,
        loopbackDefaultTransportVsOpenapiFetch:
          Math.round((ops(loopback, "generated client, default") / ops(loopback, "openapi-fetch")) * 100) /
          100,
        memoryVsOpenapiFetch:
          Math.round((ops(memory, "generated client") / ops(memory, "openapi-fetch")) * 100) / 100,
      },
    });
  } finally {
    child.kill();
  }
}

await main();
