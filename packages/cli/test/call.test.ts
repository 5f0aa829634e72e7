import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/exit-codes.js";
import { type MediaioSim, mediaioSim, TASK_OP } from "./helpers/mediaio-sim.js";
import { jsonLines, runGen } from "./helpers/run-gen.js";
import { postFaults } from "./helpers/sim-env.js";

async function withSim(test: (m: MediaioSim) => Promise<void>, taskDurationMs?: number): Promise<void> {
  const m = await mediaioSim(taskDurationMs);
  try {
    await test(m);
  } finally {
    await m.close();
  }
}

describe.concurrent("gen call against the mediaio simulator", { timeout: 60_000 }, () => {
  it("creates a task from --set, saves its handle, waits and prints the result URL", () =>
    withSim(async ({ sim, gen }) => {
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=a fox in snow", "--wait");
      expect(r.stderr).not.toContain("error");
      expect(r.code).toBe(0);
      const handlePath = /^handle: (.+)$/m.exec(r.stdout)?.[1] as string;
      const handle = JSON.parse(await readFile(handlePath, "utf8"));
      expect(handle).toMatchObject({ vendor: "mediaio", operation: "t2vWanV26", state: "succeeded" });
      expect(r.stdout).toContain(`task: mediaio ${handle.taskId}`);
      expect(/^url: (\S+)$/m.exec(r.stdout)?.[1]?.startsWith(sim.origin)).toBe(true);
      const create = sim.ledger.entries.find((e) => e.taskId === handle.taskId && e.body);
      expect(JSON.stringify(create?.body)).toContain("a fox in snow");
      expect(sim.ledger.createCount()).toBe(1);
    }));

  it("reads --input FILE.json, with --set on top and --extra for fields the catalog does not know", () =>
    withSim(async ({ sim, cwd, gen }) => {
      const file = join(cwd, "input.json");
      await writeFile(file, JSON.stringify({ prompt: "from the file", size: "9:16" }));
      const r = await gen(
        "call",
        "mediaio",
        TASK_OP,
        "--input",
        file,
        "--set",
        "prompt=from set",
        "--extra",
        "seed=7",
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const body = sim.ledger.entries.find((e) => e.taskId)?.body as { data: Record<string, unknown> };
      expect(body.data).toMatchObject({ prompt: "from set", size: "9:16", seed: 7 });
      expect(r.stdout).toMatch(/^resume: gen wait .+\.json$/m);
    }));

  it("types --set values by the operation's schema: enum strings stay strings, repeats append", () =>
    withSim(async ({ sim, gen }) => {
      const images = ["https://example.com/a.png", "https://example.com/b.png"];
      const banana = await gen(
        "call",
        "mediaio",
        "i2iBanana",
        "--set",
        "prompt=x",
        ...images.flatMap((i) => ["--set", `images=${i}`]),
      );
      expect(banana.stderr).toBe("");
      const imagen = await gen("call", "mediaio", "t2iImagen4", "--set", "prompt=x", "--set", "counts=2");
      expect(imagen.stderr).toBe("");
      const bodies = sim.ledger.entries
        .filter((e) => e.taskId)
        .map((e) => (e.body as { data: unknown }).data);
      expect(bodies).toEqual([
        { prompt: "x", images },
        { prompt: "x", counts: "2" },
      ]);
    }));

  it("rejects invalid input before any request, naming the field and the rule (exit 3)", () =>
    withSim(async ({ sim, gen }) => {
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--set", "size=2:1");
      expect(r.code).toBe(EXIT.invalidInput);
      expect(r.stderr).toMatch(/size: must be one of: 9:16/);
      const unknown = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--set", "sizes=9:16");
      expect(unknown.code).toBe(EXIT.invalidInput);
      expect(unknown.stderr).toContain("sizes");
      expect(unknown.stderr).toContain("--extra key=value");
      expect(sim.ledger.entries).toHaveLength(0);
    }));

  it("maps a vendor rejection injected over the control API to exit 4", () =>
    withSim(async ({ sim, gen }) => {
      await postFaults(sim, { operation: TASK_OP, kind: "error", code: 490505 });
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait");
      expect(r.code).toBe(EXIT.vendorRejected);
      expect(r.stderr).toContain("490505");
      expect(r.stdout).not.toContain("handle:");
    }));

  it("maps a failed task to exit 5 and records it in the handle file", () =>
    withSim(async ({ sim, gen }) => {
      await postFaults(sim, {
        operation: TASK_OP,
        kind: "task-outcome",
        state: "failed",
        reason: "nsfw prompt",
      });
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait");
      expect(r.code).toBe(EXIT.taskFailed);
      expect(r.stderr).toContain("nsfw prompt");
      const handlePath = /^handle: (.+)$/m.exec(r.stdout)?.[1] as string;
      expect(JSON.parse(await readFile(handlePath, "utf8")).state).toBe("task_failed");
    }));

  it("prints JSON lines with --json and downloads results with --download", () =>
    withSim(async ({ cwd, gen }) => {
      const dir = join(cwd, "out");
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--download", dir, "--json");
      expect(r.code).toBe(0);
      const events = jsonLines(r.stdout);
      expect(events[0]).toMatchObject({ type: "task", vendor: "mediaio" });
      expect(events.some((e) => e.type === "progress")).toBe(true);
      const result = events.at(-1) as {
        type: string;
        urls: string[];
        files: Array<{ path: string; bytes: number }>;
      };
      expect(result.type).toBe("result");
      expect(result.files.length).toBe(result.urls.length);
      const file = result.files[0] as { path: string; bytes: number };
      expect(file.path.startsWith(dir)).toBe(true);
      expect((await stat(file.path)).size).toBe(file.bytes);
    }));

  it("reports errors as a JSON line with --json, and an unreachable endpoint as exit 7", () =>
    withSim(async ({ cwd, env }) => {
      const args = [
        "call",
        "mediaio",
        TASK_OP,
        "--set",
        "prompt=x",
        "--json",
        "--base-url",
        "http://127.0.0.1:9",
      ];
      const r = await runGen(args, { cwd, env });
      expect(r.code).toBe(EXIT.network);
      expect(jsonLines(r.stdout).at(-1)).toMatchObject({
        type: "error",
        exitCode: EXIT.network,
        kind: "network",
      });
    }));

  it("gives up waiting after --timeout with exit 6, keeping the handle", () =>
    withSim(async ({ gen }) => {
      const r = await gen("call", "mediaio", TASK_OP, "--set", "prompt=x", "--wait", "--timeout", "0.3");
      expect(r.code).toBe(EXIT.timeout);
      expect(r.stdout).toMatch(/^handle: .+\.json$/m);
      expect(r.stderr).toMatch(/timed out/);
    }, 60_000));
});
