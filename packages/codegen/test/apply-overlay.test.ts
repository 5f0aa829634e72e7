import { describe, expect, it } from "vitest";
import { applyOverlay } from "../src/overlay/apply-overlay.js";

const doc = () => ({
  openapi: "3.1.0",
  servers: [{ url: "" }],
  paths: {
    "/a": { post: { operationId: "a", tags: ["x"] }, get: { operationId: "getA" } },
    "/b": { post: { operationId: "b" } },
  },
});

/** OpenAPI Overlay 1.0 semantics on plain documents (RFC 9535 targets). */
describe("applyOverlay", () => {
  it("merges objects, appends to arrays, removes matches, in action order", () => {
    const d = doc();
    const problems = applyOverlay(d, {
      overlay: "1.0.0",
      info: { title: "t", version: "1" },
      actions: [
        { target: "$.servers", remove: true },
        { target: "$", update: { servers: [{ url: "https://api.v.example" }] } },
        { target: "$.paths.*.post", update: { "x-gen-operation": { kind: "create" } } },
        { target: "$.paths['/a'].post.tags", update: "y" },
        { target: "$.paths['/a'].get", remove: true },
      ],
    });
    expect(problems).toEqual([]);
    expect(d.servers).toEqual([{ url: "https://api.v.example" }]);
    expect(d.paths["/a"]).toEqual({
      post: { operationId: "a", tags: ["x", "y"], "x-gen-operation": { kind: "create" } },
    });
    expect(d.paths["/b"].post).toEqual({ operationId: "b", "x-gen-operation": { kind: "create" } });
  });

  it("warns on a target that matches nothing; errors name the action", () => {
    const problems = applyOverlay(doc(), {
      overlay: "1.0.0",
      actions: [
        { target: "$.paths['/gone'].post", update: { summary: "x" } },
        { target: "$.paths[", update: {} },
        { target: "$" },
      ],
    });
    expect(problems.map((p) => [p.severity, p.code, p.pointer])).toEqual([
      ["warning", "overlay-no-match", "/actions/0/target"],
      ["error", "bad-overlay", "/actions/1/target"],
      ["error", "bad-overlay", "/actions/2"],
    ]);
    expect(applyOverlay(doc(), { actions: [] })).toMatchObject([{ severity: "error", pointer: "/overlay" }]);
  });
});
