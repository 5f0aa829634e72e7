import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMediaio } from "@gen/mediaio";
import { describe, expect, it } from "vitest";
import { collect, runGen, spawnGen, waitForLine } from "./helpers/run-gen.js";

describe("gen mock", { timeout: 60_000 }, () => {
  it("prints base URLs and env lines that `gen call` uses as-is, and stops on Ctrl-C", async () => {
    const child = spawnGen(["mock", "mediaio", "--task-ms", "50"]);
    const done = collect(child);
    try {
      const printed = (await waitForLine(child, /^[\s\S]*Press Ctrl-C to stop/))[0];
      const baseUrl = /^mediaio\s+(http:\/\/127\.0\.0\.1:\d+\S*)$/m.exec(printed)?.[1];
      const env = Object.fromEntries(
        [...printed.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1] as string, m[2] as string]),
      );
      expect(env.GEN_MEDIAIO_BASE_URL).toBe(baseUrl);
      const auth = createMediaio().runtime.vendor.auth;
      const variable = auth.type === "apiKey" ? auth.credential.env[0] : undefined;
      expect(env[variable as string]).toBeTruthy();

      const cwd = await mkdtemp(join(tmpdir(), "gen-cli-mock-"));
      const r = await runGen(
        ["call", "mediaio", "t2v-wan-v2-6", "--set", "prompt=x", "--wait", "--poll-ms", "25"],
        {
          cwd,
          env,
        },
      );
      expect(r.stderr).not.toContain("error");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`url: ${baseUrl}/`);
    } finally {
      child.kill("SIGINT");
    }
    const mock = await done;
    // It stopped on its own after Ctrl-C: 0 from the CLI (130 when relayed by the tsx wrapper).
    expect(mock.signal).toBeNull();
    expect([0, 130]).toContain(mock.code);
  });

  /** One `gen mock edrawmax --port P --json` run: its env lines, then Ctrl-C. */
  async function mockOnce(port: number): Promise<Record<string, string>> {
    const child = spawnGen(["mock", "edrawmax", "--port", String(port), "--json"]);
    const done = collect(child);
    try {
      const printed = (await waitForLine(child, /^[\s\S]*"type":"ready"\}\n/))[0];
      const sim = printed
        .split("\n")
        .map((l) => (l.startsWith("{") ? JSON.parse(l) : {}))
        .find((e) => e.type === "simulator");
      return sim.env as Record<string, string>;
    } finally {
      child.kill("SIGINT");
      await done;
    }
  }

  it("advertises only vendor hosts, on the same ports every start with --port", async () => {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    const first = await mockOnce(port);
    const second = await mockOnce(port);
    const connectTo = first.GEN_EDRAWMAX_CONNECT_TO ?? "";
    expect(first.GEN_EDRAWMAX_BASE_URL).toBe(`http://127.0.0.1:${port}/api/ai`);
    expect(connectTo).toContain("api.edrawmax.cn=");
    expect(connectTo).not.toContain("attacker.example");
    expect(connectTo).toMatch(new RegExp(`=http://127\\.0\\.0\\.1:${port + 1}\\b`));
    expect(second).toEqual(first);
  });
});
