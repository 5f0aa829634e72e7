import { mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../packages/cli/src/cli-io.ts";
import { main } from "../../packages/cli/src/main.ts";
import { type Simulator, startSimulator } from "../../packages/simulator/src/index.ts";
import { hostileServers, sendJson } from "./helpers/hostile-server.ts";

const KEY = "mk-CLI-HOSTILE-0a1b2c3d4e";
const OP = "t2v-wan-v2-6";

/** Runs `gen ...args` in this process with captured streams. */
async function gen(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
    env: options.env ?? {},
    cwd: options.cwd ?? (await mkdtemp(join(tmpdir(), "gen-rel-cli-"))),
    onInterrupt: () => () => {},
  };
  const code = await main(["node", "gen", ...args], io);
  return { code, stdout, stderr, cwd: io.cwd };
}

const hostile = hostileServers();

let sim: Simulator;
let simEnv: Record<string, string>;
beforeAll(async () => {
  sim = await startSimulator({ vendor: "mediaio", taskDurationMs: 1 });
  simEnv = { MEDIAIO_API_KEY: sim.credentials.apiKey! };
});
afterAll(() => sim.close());

describe("2. CLI output carries no key", () => {
  it("a key echoed in the vendor's code and request id reaches neither stderr nor --json", async () => {
    const s = await hostile((_req, res) =>
      sendJson(res, 400, { code: KEY, msg: `bad ${KEY}`, trace_id: KEY }, { "x-request-id": KEY }),
    );
    for (const json of [false, true]) {
      const r = await gen(
        ["call", "mediaio", OP, "--set", "prompt=x", "--base-url", s.origin, ...(json ? ["--json"] : [])],
        {
          env: { MEDIAIO_API_KEY: KEY },
        },
      );
      expect(r.code).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toContain(KEY);
    }
  });
});

describe("3. no prototype pollution from the command line", () => {
  it.each([
    ["--set", "__proto__.polluted=1"],
    ["--set", "constructor.prototype.polluted=1"],
    ["--extra", "__proto__.polluted=1"],
  ])("%s %s is refused (exit 2) and Object.prototype stays clean", async (flag, value) => {
    const r = await gen(
      ["call", "mediaio", OP, "--set", "prompt=x", flag, value, "--base-url", sim.baseUrl],
      {
        env: simEnv,
      },
    );
    const polluted = ({} as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).polluted;
    expect(polluted).toBeUndefined();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not allowed/);
    expect(sim.ledger.requests({ operationId: "t2vWanV26" })).toHaveLength(0);
  });
});

describe("4. CLI input is bounded", () => {
  it("an --input file over 16 MiB is refused before reading it all", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "gen-rel-cli-"));
    await writeFile(join(cwd, "big.json"), `${" ".repeat(17 * 1024 * 1024)}{"prompt":"x"}`);
    const r = await gen(["call", "mediaio", OP, "--input", "big.json", "--base-url", sim.baseUrl], {
      env: simEnv,
      cwd,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/larger than/);
  });

  it("--input /dev/urandom (endless) is refused at the cap, not read to exhaustion", async () => {
    const r = await gen(["call", "mediaio", OP, "--input", "/dev/urandom", "--base-url", sim.baseUrl], {
      env: simEnv,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/larger than/);
  });
});

describe("5. a failed download is a typed error and the result is kept", () => {
  it("--download into an unwritable folder: exit 8, no stack trace, the result is in the handle file", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "gen-rel-cli-"));
    await writeFile(join(cwd, "not-a-dir"), "x");
    const args = ["call", "mediaio", OP, "--set", "prompt=x", "--handle", "h.json", "--poll-ms", "10"];
    const r = await gen([...args, "--download", "not-a-dir/out", "--base-url", sim.baseUrl], {
      env: simEnv,
      cwd,
    });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code).toBe(8);
    const stored = JSON.parse(await readFile(join(cwd, "h.json"), "utf8"));
    expect(stored.state).toBe("succeeded");
    expect(stored.result).toBeDefined();
  });
});

describe("6. handle files cannot be turned against the user", () => {
  it("a symlink planted at the handle's temp name is never followed", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "gen-rel-cli-"));
    const victim = join(cwd, "victim.txt");
    await writeFile(victim, "precious");
    await symlink(victim, join(cwd, `h.json.${process.pid}.tmp`));
    const r = await gen(
      ["call", "mediaio", OP, "--set", "prompt=x", "--handle", "h.json", "--base-url", sim.baseUrl],
      {
        env: simEnv,
        cwd,
      },
    );
    expect(r.code).toBe(0);
    expect(await readFile(victim, "utf8")).toBe("precious");
    expect(JSON.parse(await readFile(join(cwd, "h.json"), "utf8")).taskId).toBeTruthy();
  });

  it("a handle file naming a loopback baseUrl does not get the environment's key sent there", async () => {
    const s = await hostile((_req, res) => sendJson(res, 200, { code: 0, msg: "", data: { status: 2 } }));
    const cwd = await mkdtemp(join(tmpdir(), "gen-rel-cli-"));
    const handle = {
      vendor: "mediaio",
      operation: "t2vWanV26",
      taskId: "t-1",
      createdAt: new Date().toISOString(),
      baseUrl: s.origin,
    };
    await writeFile(join(cwd, "h.json"), JSON.stringify(handle));
    const r = await gen(["wait", "h.json", "--timeout", "5"], { env: { MEDIAIO_API_KEY: KEY }, cwd });
    expect(r.code).toBe(8);
    expect(s.seen).toHaveLength(0);
  });
});
