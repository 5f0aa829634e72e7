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
});
