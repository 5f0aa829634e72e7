import { describe, expect, it } from "vitest";
import { ProductCache } from "../src/product-cache.js";
import type { ProductNode } from "../src/product-types.js";

function counter() {
  let calls = 0;
  const load = async (): Promise<ProductNode[]> => [
    { type: "3", id: `v${++calls}`, model_id: "m", name: "M" },
  ];
  return { load, calls: () => calls };
}

describe("ProductCache", () => {
  it("serves a fresh entry without loading again, and reloads after the TTL", async () => {
    let now = 1000;
    const cache = new ProductCache({ ttlMs: 50, now: () => now });
    const c = counter();
    expect((await cache.get("t2v", c.load))[0]!.id).toBe("v1");
    now += 49;
    expect((await cache.get("t2v", c.load))[0]!.id).toBe("v1");
    now += 1;
    expect((await cache.get("t2v", c.load))[0]!.id).toBe("v2");
    expect(c.calls()).toBe(2);
  });

  it("keys by category and shares one load between concurrent callers", async () => {
    const cache = new ProductCache();
    const c = counter();
    await Promise.all([cache.get("a", c.load), cache.get("a", c.load), cache.get("b", c.load)]);
    expect(c.calls()).toBe(2);
  });

  it("invalidate forces a reload", async () => {
    const cache = new ProductCache();
    const c = counter();
    await cache.get("a", c.load);
    cache.invalidate("a");
    await cache.get("a", c.load);
    await cache.get("b", c.load);
    cache.invalidate();
    await cache.get("b", c.load);
    expect(c.calls()).toBe(4);
  });

  it("does not cache a failed load", async () => {
    const cache = new ProductCache();
    await expect(cache.get("a", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    const c = counter();
    await cache.get("a", c.load);
    expect(c.calls()).toBe(1);
  });
});
