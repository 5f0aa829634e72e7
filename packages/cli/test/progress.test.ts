import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { mediaioSim, steppingClock, TASK_OP } from "./helpers/mediaio-sim.js";
import { cleanEnv, collect, genArgv } from "./helpers/run-gen.js";

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
// The simulator's clock moves 20 ms per read (each request reads it about twice): a 600 ms task
// takes ~15 polls however slowly a loaded machine runs them; no assertion depends on wall time.

describe.concurrent("progress display", { timeout: 60_000 }, () => {
  it("draws a carriage-return progress bar on a terminal (through a pseudo-terminal)", async () => {
    const { sim, cwd, env, close } = await mediaioSim(600, steppingClock(20));
    try {
      const args = ["call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait", "--poll-ms", "50"];
      const argv = genArgv([...args, "--base-url", sim.baseUrl]);
      const child = spawn("script", ["-qfec", argv.map(quote).join(" "), "/dev/null"], {
        cwd,
        env: cleanEnv({ ...env, COLUMNS: "100", LINES: "30" }),
      });
      const r = await collect(child);
      expect(r.code).toBe(0);
      const updates = r.stdout.match(/\r\[[#.]{30}\][~ ] *\d+% \w+/g) ?? [];
      expect(updates.length).toBeGreaterThanOrEqual(2);
      expect(updates.at(-1)).toMatch(/\[#{30}\] 100% succeeded/);
    } finally {
      await close();
    }
  });

  it("ticks between polls with elapsed time and an ETA from the first draw (through a pseudo-terminal)", async () => {
    const { sim, cwd, env, close } = await mediaioSim(3_000);
    try {
      const args = ["call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait", "--poll-ms", "2500"];
      const argv = genArgv([...args, "--base-url", sim.baseUrl]);
      const child = spawn("script", ["-qfec", argv.map(quote).join(" "), "/dev/null"], {
        cwd,
        env: cleanEnv({ ...env, COLUMNS: "120", LINES: "30" }),
      });
      const r = await collect(child);
      expect(r.code).toBe(0);
      const draws = [...r.stdout.matchAll(/\r(\[[#.]{30}\][~ ] *\d+% \w+ (\d+):(\d\d) elapsed[^\r\x1b]*)/g)];
      expect(draws[0]?.[1]).toMatch(/ 0:00 elapsed, ETA \d+:\d\d$/);
      const seconds = draws.map((d) => Number(d[2]) * 60 + Number(d[3]));
      expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
      // Polls at 0 s and 2.5 s only: a draw at 1 s or later before the second poll is a tick.
      expect(
        draws.some((d) => d[1]!.includes("~") && /(queued|running) 0:0[12] elapsed, ETA/.test(d[1]!)),
      ).toBe(true);
      expect(draws.at(-1)?.[1]).toMatch(/\[#{30}\] 100% succeeded \d+:\d\d elapsed$/);
    } finally {
      await close();
    }
  });

  it("prints plain progress lines when not a terminal", async () => {
    const { gen, close } = await mediaioSim(1_000, steppingClock(20));
    try {
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait");
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain("\r");
      expect(r.stderr).toMatch(/^progress: \d+% (queued|running)/m);
      expect(r.stderr).toMatch(/^progress: 100% succeeded/m);
    } finally {
      await close();
    }
  });
});
