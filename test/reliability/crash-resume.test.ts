import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TaskHandle } from "../../packages/runtime/src/index.ts";
import { type Simulator, simulatorFor, taskCases } from "./helpers/vendor-cases.ts";

const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const script = fileURLToPath(new URL("./fixtures/create-and-wait.ts", import.meta.url));

/** A process killed mid-wait loses nothing: a new one resumes from the handles and gets the results. */
describe("crash-resume (library level)", () => {
  const sims = new Map<string, Simulator>();
  beforeAll(async () => {
    for (const c of taskCases) sims.set(c.vendor, await simulatorFor(c, 4000));
  });
  afterAll(async () => {
    for (const sim of sims.values()) await sim.close();
  });

  it("resumes every vendor's task from the handles a killed process wrote", async () => {
    const targets = taskCases.map((c) => ({
      vendor: c.vendor,
      baseUrl: sims.get(c.vendor)!.baseUrl,
      credentials: sims.get(c.vendor)!.credentials,
    }));
    const child = spawn(
      process.execPath,
      ["--conditions=@gen/source", tsx, "--conditions=@gen/source", script, JSON.stringify(targets)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const exited = once(child, "exit");
    let out = "";
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += String(chunk);
        if (out.includes("\n")) resolve();
      });
    });
    const handles = JSON.parse(out.split("\n")[0]!) as TaskHandle[];
    const polled = () =>
      taskCases.every((c) => sims.get(c.vendor)!.ledger.requests({ operationId: c.pollOp! }).length >= 1);
    while (!polled()) await new Promise((r) => setTimeout(r, 10));
    child.kill("SIGKILL");
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });
    expect(out).not.toContain("finished");

    for (const [i, c] of taskCases.entries()) {
      const sim = sims.get(c.vendor)!;
      const handle = handles[i]!;
      expect(handle.vendor).toBe(c.vendor);
      const result = await c.client(sim).resume(handle).wait({ minDelayMs: 20, maxDelayMs: 100 });
      expect(JSON.stringify(result)).toContain(handle.taskId);
      expect(sim.ledger.createCount(c.createOp)).toBe(1);
      expect(sim.tasks.list().map((t) => t.id)).toEqual([handle.taskId]);
    }
  });
});
