import { describe, expect, it } from "vitest";
import { bytesMatch } from "../src/sniff-diagram-file.js";
import { fileBytes } from "./helpers/simulator.js";

const text = (s: string) => new TextEncoder().encode(s);

describe("bytesMatch: a generic download is what its extension says", () => {
  it.each([
    ["png", fileBytes("png")!.bytes, true],
    ["png", text("<html>login</html>"), false],
    ["png", new Uint8Array([0x89, 0x50, 0x4e]), false],
    ["svg", fileBytes("svg")!.bytes, true],
    [
      "svg",
      text(
        '\uFEFF<?xml version="1.0"?>\n<!-- made by EdrawMax -->\n<!DOCTYPE svg PUBLIC "x">\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      ),
      true,
    ],
    ["svg", text("  <svg>"), true],
    ["svg", text("<html><svg></svg></html>"), false],
    ["svg", text("<svgfoo>"), false],
    ["svg", fileBytes("png")!.bytes, false],
  ] as const)("%s %#", (format, bytes, want) => {
    expect(bytesMatch(format, new Uint8Array(bytes))).toBe(want);
  });
});
