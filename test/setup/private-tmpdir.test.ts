import { tmpdir } from "node:os";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";

describe("test temp folders", () => {
  it("live in the run's private TMPDIR (removed when the run ends)", () => {
    expect(basename(tmpdir())).toMatch(/^gen-tests-/);
    expect(dirname(tmpdir())).not.toMatch(/gen-tests-/);
  });
});
