import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { startSimulator, startSimulators } from "../src/index.js";
import { fixture } from "./fixtures.js";

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), "sim-ws-"));
  writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
  for (const id of ["acme", "zeta"]) {
    const dir = join(root, "packages", id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "openapi.gen.json"), JSON.stringify(fixture(id)));
  }
  return root;
}

describe("starting simulators", () => {
  it("starts one server per vendor from packages/<id>/openapi.gen.json, keeping base paths", async () => {
    const group = await startSimulators(["acme", "zeta"], { root: workspace() });
    try {
      const { acme, zeta } = group.simulators;
      expect(acme!.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
      expect(zeta!.baseUrl).toMatch(/\/api\/ai$/);
      expect(acme!.origin).not.toBe(zeta!.origin);
      expect(zeta!.hosts["alias.zeta.test"]).toBe(zeta!.origin);
      const r = await fetch(`${acme!.baseUrl}/v1/balance`, { headers: { "x-acme-key": "sim-key" } });
      expect(r.status).toBe(200);
    } finally {
      await group.close();
    }
  });

  it("fails clearly for a missing model and closes what it started", async () => {
    await expect(startSimulators(["acme", "missing"], { root: workspace() })).rejects.toThrow(
      /cannot read the model at .*packages\/missing\/openapi\.gen\.json/,
    );
  });

  it("loads YAML models and refuses a model without a vendor id", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-yaml-"));
    const path = join(dir, "model.yaml");
    writeFileSync(path, stringify(fixture("acme")));
    const sim = await startSimulator({ modelPath: path });
    expect(sim.vendorId).toBe("acme");
    await sim.close();
    await expect(startSimulator({ model: { servers: [{ url: "https://x.test" }] } })).rejects.toThrow(
      "x-gen-vendor.id is required",
    );
  });
});
