import { describe, expect, it } from "vitest";
import { uploadNonce, uploadSign } from "../src/upload-sign.js";

describe("uploadSign", () => {
  it("is upper-case hex SHA-1 of appId|appKey|ts|nonce", async () => {
    // Vector computed independently (Python hashlib).
    expect(await uploadSign("webAgent", "32jdskjdk320eew", "1700000000", "0123456789abcdef01234")).toBe(
      "A507298202BBC85A02EC1BF8D150DD23FC023CF3",
    );
  });
  it("changes with every input", async () => {
    const signs = await Promise.all([
      uploadSign("a", "b", "1", "n"),
      uploadSign("a", "b", "2", "n"),
      uploadSign("a", "c", "1", "n"),
    ]);
    expect(new Set(signs).size).toBe(3);
  });
  it("nonces are 21 hex characters and fresh", () => {
    const a = uploadNonce();
    expect(a).toMatch(/^[0-9a-f]{21}$/);
    expect(uploadNonce()).not.toBe(a);
  });
});
