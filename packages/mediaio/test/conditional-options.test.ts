import { describe, expect, it } from "vitest";
import type { I2vMinimaxV23Input } from "../src/index.js";
import { useMediaioSimulator } from "./helpers/mediaio-simulator.js";

// Hailuo 2.3's catalog prose: "resolution: Options: 768P, 1080P (when duration is 6s)". The only
// conditional option in the catalog; the generator turns it into an `excludeWhen` rule.
const harness = useMediaioSimulator();
const client = harness.client;
const image = "https://example.com/a.png";
const creates = () => harness.sim().ledger.createCount("i2vMinimaxV23");

describe("conditional options stated in prose (Hailuo 2.3: 1080P only with 6s)", () => {
  it("refuses 1080P with 10s before any request, naming the field and the rule", async () => {
    const before = creates();
    const error = await client()
      .i2vMinimaxV23({ image, prompt: "p", resolution: "1080P", duration: "10s" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_request" });
    expect((error as Error).message).toContain("resolution");
    expect((error as Error).message).toContain('"1080P" is only allowed when duration is "6s"');
    expect(creates()).toBe(before);
    expect(harness.sim().ledger.entries.filter((e) => e.path.endsWith("/i2v-minimax-v2-3"))).toHaveLength(0);
  });

  it.each<Partial<I2vMinimaxV23Input>>([
    { resolution: "1080P", duration: "6s" },
    { resolution: "1080P" },
    { resolution: "768P", duration: "10s" },
  ])("accepts %j", async (params) => {
    const task = await client().i2vMinimaxV23({ image, prompt: "p", ...params });
    expect(task.taskId).toBeTruthy();
  });

  it("the simulator enforces the same rule on a raw request", async () => {
    const res = await fetch(`${harness.sim().baseUrl}/generation/minimax/i2v-minimax-v2-3`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-API-KEY": String(harness.sim().credentials.apiKey) },
      body: JSON.stringify({ data: { image, prompt: "p", resolution: "1080P", duration: "10s" } }),
    });
    const body = (await res.json()) as { code: number; msg: string };
    expect(body.code).not.toBe(0);
    expect(body.msg).toContain("only allowed when duration is");
  });
});
