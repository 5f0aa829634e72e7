import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../src/index.js";

/**
 * The simulator reads its model with @gen/spec's reader (the generator's), so it serves what the
 * client was generated from; routes are matched most specific first, whatever the file's order.
 */
const op = (operationId: string, xGen?: Record<string, unknown>) => ({
  operationId,
  ...(xGen ? { "x-gen-operation": xGen } : {}),
  responses: {
    "202": {
      description: "accepted",
      content: {
        "application/json": { schema: { type: "object", properties: { served: { type: "string" } } } },
      },
    },
  },
});

// Declared templated-first on purpose: precedence must not depend on it.
const model = {
  openapi: "3.1.0",
  info: { title: "Routes", version: "1" },
  servers: [{ url: "https://api.routes.test/api" }],
  "x-gen-vendor": { id: "routes", displayName: "Routes", packageName: "@gen/routes" },
  paths: {
    "/v1/{kind}/latest": { get: op("latestOfKind", { name: "latestOfKind", kind: "read" }) },
    "/v1/tasks/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: op("getTask", { name: "getTask", kind: "read" }),
    },
    "/v1/tasks/latest": { get: op("latestTask", { name: "latestTask", kind: "read" }) },
    "/v1/plain": { get: op("plain") },
  },
};

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ model });
});
afterAll(() => sim.close());

async function servedBy(path: string): Promise<string | undefined> {
  const before = sim.ledger.entries.length;
  const res = await fetch(`${sim.baseUrl}${path}`);
  expect(res.ok).toBe(true);
  return sim.ledger.entries[before]?.operationId;
}

describe("routing", () => {
  it("a concrete segment beats a template at the first position where paths differ", async () => {
    expect(await servedBy("/v1/tasks/latest")).toBe("latestTask");
    expect(await servedBy("/v1/tasks/t-42")).toBe("getTask");
    expect(await servedBy("/v1/images/latest")).toBe("latestOfKind");
  });

  it("serves an operation without x-gen-operation as a read named by its operationId", async () => {
    expect(await servedBy("/v1/plain")).toBe("plain");
  });
});
