import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../packages/cli/src/cli-io.ts";
import { main } from "../../packages/cli/src/main.ts";
import { createMediaio } from "../../packages/mediaio/src/index.ts";
import { GenError, LimitExceededError } from "../../packages/runtime/src/index.ts";
import { parseCallback } from "../../packages/tomoviee/src/index.ts";
import { type HostileServer, startHostile } from "./helpers/hostile-server.ts";
import { renderError } from "./helpers/leak-check.ts";

/**
 * Fuzz target over every entry that takes outside data: vendor responses (create, poll, raw
 * request), webhook bodies, handle files, CLI flags and input files. Each run asserts: only typed
 * errors (GenError in the library, an exit code other than "internal" in the CLI), no secret in
 * any error or output, and bounded memory (bodies over the client's small limits are refused).
 * Runs: GEN_FUZZ_RUNS (default 60); seed: GEN_FUZZ_SEED (default fixed, so CI is reproducible).
 */
const RUNS = Number(process.env.GEN_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.GEN_FUZZ_SEED ?? 13);
const KEY = "mk-FUZZ-SECRET-9e8d7c6b";
const MAX_BODY = 8 * 1024;

/** A vendor answer: status, a few headers and a body, each possibly hostile. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    KEY,
    `x${KEY}y`,
    encodeURIComponent(KEY),
    "constructor",
    "__proto__",
    "toString",
    "\uD800",
    "\u202Egnp.sh",
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const jsonish: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("v"), { maxKeys: 4 }),
  ),
})).v;
const envelope = fc.record({
  code: fc.oneof(fc.constant(0), fc.constant("0"), hostileString, fc.integer()),
  msg: hostileString,
  trace_id: fc.option(hostileString, { nil: undefined }),
  data: fc.oneof(
    jsonish,
    fc.record({
      task_id: fc.oneof(hostileString, fc.integer()),
      status: fc.oneof(hostileString, fc.constantFrom("completed", "failed", "processing")),
      reason: jsonish,
      result: jsonish,
    }),
  ),
});
const body = fc.oneof(
  envelope.map((e) => JSON.stringify(e)),
  jsonish.map((v) => JSON.stringify(v) ?? ""),
  hostileString,
  fc.integer({ min: 1, max: 5000 }).map((n) => `{"code":0,"data":${"[".repeat(n)}${"]".repeat(n)}}`),
  fc.integer({ min: MAX_BODY + 1, max: 4 * MAX_BODY }).map((n) => `{"code":0,"data":"${"x".repeat(n)}"}`),
);
const answer: fc.Arbitrary<Answer> = fc.record({
  status: fc.constantFrom(200, 200, 200, 201, 204, 301, 302, 307, 400, 401, 404, 429, 500, 503),
  headers: fc.record(
    {
      location: fc.oneof(
        hostileString,
        fc.constantFrom(
          `https://${KEY.toLowerCase()}.evil.example/`,
          "https://.media.io/",
          "//[::1]/x",
          "http://127.0.0.1:1/x",
        ),
      ),
      "x-request-id": hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, "")),
      "retry-after": fc.constantFrom("0", "1", "-1", "abc", "99999999"),
      "content-type": fc.constantFrom("application/json", "text/html", "image/png"),
    },
    { requiredKeys: [] },
  ),
  body,
});

let server: HostileServer;
let next: Answer = { status: 200, headers: {}, body: "{}" };
beforeAll(async () => {
  server = await startHostile((_req, res) => {
    const headers: Record<string, string> = {};
    // Node refuses to send some bytes in headers; send what a server could send.
    for (const [name, value] of Object.entries(next.headers))
      headers[name] = value.replace(/[^\x20-\x7e]/g, "");
    res.writeHead(next.status, headers);
    res.end(next.status === 204 ? undefined : next.body);
  });
});
afterAll(() => server.close());

function client() {
  return createMediaio({
    baseUrl: server.origin,
    allowInsecureLoopback: true,
    env: {},
    apiKey: KEY,
    timeoutMs: 30_000, // a hang guard only: nothing asserted depends on time
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    limits: { maxResponseBytes: MAX_BODY, maxJsonDepth: 64 },
  });
}

/** The outcome must be a value or a typed error; nothing it carries may hold the key. */
async function typedAndClean(run: () => Promise<unknown>): Promise<void> {
  let error: unknown;
  try {
    await run();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) return;
  expect(error, String(error)).toBeInstanceOf(GenError);
  expect(renderError(error).toLowerCase()).not.toContain(KEY.toLowerCase());
}

describe("fuzz: hostile vendor responses", () => {
  it("create, poll and raw request give values or typed errors, never a key, never an unbounded body", async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (a) => {
        next = a;
        const c = client();
        await typedAndClean(() => c.t2iImagen4({ prompt: "cat" }));
        await typedAndClean(() => c.resume("t-1").status());
        let error: unknown;
        await c.runtime.request({ method: "GET", path: "/raw", kind: "read", raw: true }).catch((e) => {
          error = e;
        });
        // Bounded memory: a body over the limit is never accepted, whatever the status.
        const hasBody = a.status !== 204 && !(a.status >= 300 && a.status < 400 && a.headers.location);
        if (hasBody && a.body.length > MAX_BODY) expect(error).toBeInstanceOf(LimitExceededError);
        if (error !== undefined) expect(error).toBeInstanceOf(GenError);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});

describe("fuzz: webhook bodies", () => {
  it("parseCallback returns a callback or throws a typed error", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          body,
          jsonish.map((v) => v as never),
        ),
        (b) => {
          try {
            parseCallback(b);
          } catch (error) {
            expect(error).toBeInstanceOf(GenError);
          }
        },
      ),
      { numRuns: RUNS * 4, seed: SEED },
    );
  });
});

/** Runs `gen` in-process; the CLI must never report an internal error or print the key. */
async function gen(args: string[], cwd: string): Promise<number> {
  let out = "";
  const io: CliIo = {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (out += c) },
    env: { MEDIAIO_API_KEY: KEY, GEN_MEDIAIO_BASE_URL: server.origin },
    cwd,
    onInterrupt: () => () => {},
  };
  const code = await main(["node", "gen", ...args], io);
  expect(out.toLowerCase()).not.toContain(KEY.toLowerCase());
  expect(code, out).not.toBe(1);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return code;
}

describe("fuzz: CLI flags, input files and handle files", () => {
  const segment = fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "prompt", "a", ""),
    fc.string({ maxLength: 6 }),
  );
  const assignment = fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), hostileString)
    .map(([path, value]) => `${path.join(".")}=${value}`);

  it("--set / --extra assignments and --input files: an exit code, never an internal error", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "gen-fuzz-"));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom("--set", "--extra"), assignment), { maxLength: 4 }),
        fc.oneof(
          body,
          jsonish.map((v) => JSON.stringify(v) ?? ""),
        ),
        answer,
        async (flags, input, a) => {
          next = a;
          await writeFile(join(cwd, "in.json"), input);
          await gen(
            ["call", "mediaio", "t2v-wan-v2-6", "--input", "in.json", ...flags.flat(), "--timeout", "5"],
            cwd,
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it("handle files: an exit code, never an internal error", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "gen-fuzz-"));
    const handle = fc.oneof(
      body,
      fc
        .record({
          vendor: fc.oneof(fc.constant("mediaio"), hostileString),
          operation: fc.oneof(fc.constant("t2vWanV26"), jsonish),
          taskId: fc.oneof(fc.constant("t-1"), hostileString, jsonish),
          createdAt: fc.oneof(fc.constant("2026-01-01T00:00:00Z"), jsonish),
          baseUrl: fc.oneof(fc.constant(undefined), fc.constant("http://127.0.0.1:1"), hostileString),
        })
        .map((h) => JSON.stringify(h)),
    );
    await fc.assert(
      fc.asyncProperty(handle, answer, async (h, a) => {
        next = { ...a, status: a.status === 200 ? 200 : a.status };
        await writeFile(join(cwd, "h.json"), h);
        await gen(["wait", "h.json", "--timeout", "2", "--poll-ms", "10"], cwd);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
