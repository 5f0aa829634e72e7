import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createMediaio } from "@gen/mediaio";
import { type GenModel, getRequestBodySchema, listOperations } from "@gen/spec";
import { describe, expect, it } from "vitest";
import type { VendorListing } from "../src/commands/list.js";
import { main } from "../src/main.js";
import { captureIo } from "./helpers/capture-io.js";
import { ROOT, runGen } from "./helpers/run-gen.js";

const inProcess = async (...args: string[]) => {
  const io = captureIo();
  const code = await main(["node", "gen", ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
};

describe.concurrent("gen list", () => {
  it("prints a vendor's operations, one line each with the catalog's description", async () => {
    const r = await runGen(["list", "mediaio"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mediaio\s+Media\.io/m);
    expect(r.stdout).toMatch(/^ {2}t2vWanV26 +\[task, paid\] {2}Wan 2\.6 \(Text To Video\): \S/m);
    expect(r.stdout).not.toMatch(/^ {6}prompt:/m);
    const all = await runGen(["list"]);
    const operations = all.stdout.split("\n").filter((l) => /^ {2}\w+ +\[/.test(l)).length;
    expect(all.stdout.split("\n").length).toBeLessThan(operations + 30);
  });

  it("prints one operation's other names and each parameter's type, limits and default", async () => {
    const r = await runGen(["list", "mediaio", "t2vWanV26"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^ {2}t2vWanV26 {2}\[task, paid\] {2}also: Wan 2\.6 \(Text To Video\), t2v-wan-v2-6/m,
    );
    expect(r.stdout).toMatch(/^ {6}prompt: string, required/m);
    const env = createMediaio().runtime.vendor.auth;
    expect(env.type).toBe("apiKey");
    if (env.type === "apiKey") expect(r.stdout).toContain(`credentials: ${env.credential.env.join(" or ")}`);
  });

  it("--json gives every parameter's type, enum values, range and default", async () => {
    const r = await runGen(["list", "--json"]);
    expect(r.code).toBe(0);
    const { vendors } = JSON.parse(r.stdout) as { vendors: VendorListing[] };
    expect(vendors.map((v) => v.id)).toEqual(["mediaio", "tomoviee", "edrawmax", "ima"]);
    const mediaio = vendors.find((v) => v.id === "mediaio") as VendorListing;
    expect(mediaio.installed).toBe(true);
    const op = mediaio.operations.find((o) => o.id === "t2vWanV26");
    expect(op).toMatchObject({ name: "Wan 2.6 (Text To Video)", kind: "create", task: true });
    const params = vendors.flatMap((v) => v.operations.flatMap((o) => o.parameters));
    expect(op?.parameters.find((p) => p.name === "prompt")).toMatchObject({ type: "string", required: true });
    expect(params.some((p) => Array.isArray(p.enum) && p.enum.length > 1)).toBe(true);
    expect(params.some((p) => p.default !== undefined)).toBe(true);
    expect(
      params.some((p) => p.maxLength !== undefined || p.maximum !== undefined || p.maxItems !== undefined),
    ).toBe(true);
  });

  it("shows the model's defaults also where the SDK leaves them to the vendor (Media.io)", async () => {
    const model = JSON.parse(
      readFileSync(join(ROOT, "packages/mediaio/openapi.gen.json"), "utf8"),
    ) as GenModel;
    const want = listOperations(model).flatMap((op) =>
      Object.entries(getRequestBodySchema(model, op)?.properties ?? {})
        .filter(([, prop]) => prop.default !== undefined)
        .map(([name, prop]) => ({ op: op.operationId, name, default: prop.default })),
    );
    expect(want.length).toBeGreaterThan(0);
    const r = await inProcess("list", "mediaio", "--json");
    const [mediaio] = (JSON.parse(r.stdout) as { vendors: VendorListing[] }).vendors;
    const got = mediaio?.operations.flatMap((o) =>
      o.parameters
        .filter((p) => p.default !== undefined)
        .map((p) => ({ op: o.id, name: p.name, default: p.default })),
    );
    expect(got).toEqual(expect.arrayContaining(want));
  });

  it("offers IMA's video flows, which take a model name, next to the generated operations", async () => {
    const r = await inProcess("list", "ima", "text_to_video", "--json");
    expect(r.code).toBe(0);
    const [ima] = (JSON.parse(r.stdout) as { vendors: VendorListing[] }).vendors;
    expect(ima?.operations.map((o) => o.id)).toEqual(["textToVideo"]);
    const model = ima?.operations[0]?.parameters.find((p) => p.name === "model");
    expect(model?.description).toContain("Wan 2.6");
  });

  it("shows one operation when asked by the vendor's own name", async () => {
    const r = await inProcess("list", "mediaio", "Wan 2.6 (Text To Video)", "--json");
    expect(r.code).toBe(0);
    const { vendors } = JSON.parse(r.stdout) as { vendors: VendorListing[] };
    expect(vendors[0]?.operations.map((o) => o.id)).toEqual(["t2vWanV26"]);
  });

  it("names an unknown operation and suggests close names (exit 2)", async () => {
    const r = await inProcess("list", "mediaio", "wan-v2-6");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown operation "wan-v2-6" for mediaio');
    expect(r.stderr).toContain("t2vWanV26");
  });
});
