import { createRequire } from "node:module";
import * as mediaio from "@gen/mediaio";
import { manifest } from "@gen/mediaio/manifest";
import { type GenModel, listOperations } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { buildTools, decodeTaskId, encodeTaskId } from "../src/index.js";

const vendor = { id: "mediaio", module: mediaio as Record<string, unknown>, client: mediaio.createMediaio() };

describe("buildTools", () => {
  it("one tool per exported operation; the filter takes vendors, ids, aliases and globs", () => {
    const all = buildTools([vendor]);
    const model = createRequire(import.meta.url)("@gen/mediaio/openapi.json") as GenModel;
    const ids = listOperations(model).map((op) => `mediaio_${op.operationId}`);
    expect(all.map((t) => t.name).sort()).toEqual(ids.sort());
    const names = (filter: Parameters<typeof buildTools>[1]) =>
      buildTools([vendor], filter).map((t) => t.name);
    expect(names({ operations: ["t2v-wan-v2-6"] })).toEqual(["mediaio_t2vWanV26"]);
    expect(names({ operations: ["Imagen 4"] })).toEqual(["mediaio_t2iImagen4"]);
    expect(names({ operations: ["mediaio_t2v*"] }).sort()).toEqual([
      "mediaio_t2vViduQ3",
      "mediaio_t2vWanV25",
      "mediaio_t2vWanV26",
    ]);
    expect(names({ vendors: ["ima"] })).toEqual([]);
  });

  it("reads are read-only and not tasks; paid creates say so", () => {
    const [credits] = buildTools([vendor], { operations: ["userCredits"] });
    expect(credits).toMatchObject({ task: false, paid: false });
    const [wan] = buildTools([vendor], { operations: ["t2vWanV26"] });
    expect(wan).toMatchObject({ task: true, paid: true });
    expect(wan?.description).toMatch(/costs credits/);
  });

  it("describes each tool from the model, else from the manifest's one-line summary", () => {
    const model = createRequire(import.meta.url)("@gen/mediaio/openapi.json") as GenModel;
    const summaries = Object.fromEntries(
      manifest.operations.flatMap((op) => (op.summary ? [[op.id, op.summary]] : [])),
    );
    const summary = summaries.t2vWanV26 as string;
    expect(summary.length).toBeGreaterThan(10);
    expect(summary.length).toBeLessThanOrEqual(120);
    const [withModel] = buildTools([{ ...vendor, model, summaries }], { operations: ["t2vWanV26"] });
    const [withoutModel] = buildTools([{ ...vendor, summaries }], { operations: ["t2vWanV26"] });
    const [neither] = buildTools([vendor], { operations: ["t2vWanV26"] });
    expect(withModel?.description).toContain("Wan 2.6 API Documentation");
    expect(withoutModel?.description?.startsWith(summary)).toBe(true);
    expect(withoutModel?.description).not.toContain("API Documentation");
    expect(neither?.description).not.toContain(summary);
  });
});

describe("task ids", () => {
  it("round-trip a handle and refuse anything else", () => {
    const handle = {
      vendor: "mediaio",
      operation: "t2vWanV26",
      taskId: "abc",
      createdAt: "2026-01-01T00:00:00Z",
    };
    const id = encodeTaskId(handle);
    expect(decodeTaskId(id)).toEqual(handle);
    for (const bad of [
      "abc",
      "gen1.",
      "gen1.e30",
      `gen1.${Buffer.from('{"vendor":1}').toString("base64url")}`,
    ]) {
      expect(decodeTaskId(bad)).toBeUndefined();
    }
  });
});
