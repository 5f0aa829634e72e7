import { createHash } from "node:crypto";
import { highestBump, type ModelChange, sortChanges } from "./model-change.js";

/** A changeset file ready to write under `.changeset/`. */
export interface RenderedChangeset {
  /** File name (`mediaio-catalog-1a2b3c4d.md`): vendor id + hash of the content. */
  fileName: string;
  content: string;
  bump: NonNullable<ReturnType<typeof highestBump>>;
}

/**
 * Renders the changeset of one package's model changes (deterministic: same changes, same file).
 * Returns `undefined` when there is nothing to release.
 */
export function renderChangeset(
  vendorId: string,
  packageName: string,
  changes: readonly ModelChange[],
): RenderedChangeset | undefined {
  const bump = highestBump(changes);
  if (!bump) return undefined;
  const lines = sortChanges(changes).map((c) => `- ${c.message} (${c.bump}).`);
  const content = [
    "---",
    `${JSON.stringify(packageName)}: ${bump}`,
    "---",
    "",
    `Catalog update (${changes.length} change${changes.length === 1 ? "" : "s"}):`,
    "",
    ...lines,
    "",
  ].join("\n");
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 8);
  const safeId = vendorId.replace(/[^a-z0-9-]+/gi, "-").toLowerCase();
  return { fileName: `${safeId}-catalog-${hash}.md`, content, bump };
}
