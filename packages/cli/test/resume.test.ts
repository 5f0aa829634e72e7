import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { manualClock, mediaioSim, TASK_OP } from "./helpers/mediaio-sim.js";
import { collect, killGroup, spawnGen, waitForLine } from "./helpers/run-gen.js";

describe.concurrent("resume a task", { timeout: 60_000 }, () => {
  it("after the process was killed mid-wait: gen wait HANDLE.json gets the result, one create", async () => {
    // The task stands still until the test moves the simulator's clock: the kill always lands mid-wait.
    const clock = manualClock();
    const { sim, cwd, env, gen, close } = await mediaioSim(1_500, clock.now);
    try {
      const args = ["call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait", "--base-url", sim.baseUrl];
      const child = spawnGen(args, { cwd, env, detached: true });
      const done = collect(child);
      const handlePath = (await waitForLine(child, /^handle: (.+\.json)$/m))[1] as string;
      killGroup(child, "SIGKILL");
      expect((await done).signal).toBe("SIGKILL");
      expect(JSON.parse(await readFile(handlePath, "utf8")).state).toBeUndefined();
      clock.advance(1_500);

      const r = await gen("wait", handlePath);
      expect(r.stderr).not.toContain("error");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^url: ${sim.origin}\\S+$`, "m"));
      expect(sim.ledger.createCount()).toBe(1);
      expect(JSON.parse(await readFile(handlePath, "utf8")).state).toBe("succeeded");
    } finally {
      await close();
    }
  });

  it("Ctrl-C stops waiting (exit 130) and says how to resume; the handle stays on disk", async () => {
    const { sim, cwd, env, close } = await mediaioSim(60_000);
    try {
      const args = ["call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait", "--base-url", sim.baseUrl];
      const child = spawnGen(args, { cwd, env, detached: true });
      const done = collect(child);
      const handlePath = (await waitForLine(child, /^handle: (.+\.json)$/m))[1] as string;
      killGroup(child, "SIGINT");
      const r = await done;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain(`resume with: gen wait ${handlePath}`);
      expect(JSON.parse(await readFile(handlePath, "utf8")).taskId).toBeTruthy();
    } finally {
      await close();
    }
  });

  it("gen wait VENDOR TASK_ID resumes from a bare task id", async () => {
    const { sim, gen, close } = await mediaioSim();
    try {
      const created = await gen("call", "mediaio", TASK_OP, "--set", "prompt=y");
      expect(created.code).toBe(0);
      const taskId = /^task: mediaio (\S+)/m.exec(created.stdout)?.[1] as string;
      const r = await gen("wait", "mediaio", taskId, "--json");
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('"type":"result"');
      expect(sim.ledger.createCount()).toBe(1);
    } finally {
      await close();
    }
  });
});
