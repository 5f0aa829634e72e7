import { describe, expect, it } from "vitest";
import { runGen } from "./helpers/run-gen.js";

describe("gen generate (routed through the CLI's main)", { timeout: 60_000 }, () => {
  it("checks the committed EdrawMax package against its catalog", async () => {
    const r = await runGen(["generate", "--check", "--vendor", "edrawmax"]);
    expect(r.stdout).toContain("edrawmax: 4 operation(s)");
    // progress first (a long run is never silent), then the summary
    const progress = r.stdout.indexOf("edrawmax: generating from catalogs/edrawmax/openapi.yaml");
    expect(progress).toBeGreaterThanOrEqual(0);
    expect(progress).toBeLessThan(r.stdout.indexOf("edrawmax: 4 operation(s)"));
    expect(r.stdout).toContain("generated files are up to date");
    expect(r.code).toBe(0);
  });
});
