import { InvalidRequestError } from "@gen/runtime";
import type { ProductVersion } from "./product-types.js";

const squash = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, "");

/** The version number in a leaf name (`Pixverse V5.5` -> [5, 5]), if any. */
export function versionNumber(name: string): number[] | undefined {
  const m = /\bv(\d+(?:\.\d+)*)\b/i.exec(name);
  return m ? m[1]!.split(".").map(Number) : undefined;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The leaf to send for `modelId`. Several leaves may share a model id (Pixverse V3.5-V5.5):
 * `version` pins one by leaf id, leaf name or version tag (`V5.5`); without it the highest
 * version in the names wins, else the vendor's last (newest) leaf.
 */
export function pickVersion(
  leaves: readonly ProductVersion[],
  modelId: string,
  version?: string,
): ProductVersion {
  const same = leaves.filter((l) => l.model_id === modelId);
  if (!same.length) {
    const known = [...new Set(leaves.map((l) => l.model_id))].join(", ") || "(none)";
    throw InvalidRequestError.fromIssues([
      {
        field: "model",
        rule: "known_model",
        message: `model "${modelId}" is not offered; offered: ${known}`,
      },
    ]);
  }
  if (version !== undefined) {
    const want = squash(version);
    const tag = versionNumber(/^v/i.test(version.trim()) ? version : `v${version.trim()}`)?.join(".");
    const pinned = same.find(
      (l) =>
        squash(String(l.id)) === want ||
        squash(l.name) === want ||
        (tag !== undefined && versionNumber(l.name)?.join(".") === tag),
    );
    if (!pinned) {
      const known = same.map((l) => l.name).join(", ");
      throw InvalidRequestError.fromIssues([
        {
          field: "version",
          rule: "known_version",
          message: `no version "${version}" of ${modelId}; offered: ${known}`,
        },
      ]);
    }
    return pinned;
  }
  if (same.length > 1 && same.every((l) => versionNumber(l.name))) {
    return same.reduce((a, b) =>
      compareVersions(versionNumber(b.name)!, versionNumber(a.name)!) > 0 ? b : a,
    );
  }
  return same[same.length - 1]!;
}
