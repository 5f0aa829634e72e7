import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { GenModel } from "@gen/spec";
import { diffModels } from "./diff/diff-models.js";
import type { ModelChange } from "./diff/model-change.js";
import { type RenderedChangeset, renderChangeset } from "./diff/render-changeset.js";

/** The release note of one regenerated package, from its committed model to the new one. */
export interface PlannedChangeset extends RenderedChangeset {
  vendor: string;
  packageName: string;
  /** Path relative to the root (`.changeset/<file>`). */
  path: string;
  changes: ModelChange[];
}

/**
 * Diffs the committed `<out>/openapi.gen.json` against the newly emitted one. No committed model
 * (a new package) or no change: `undefined`.
 */
export async function planChangeset(
  root: string,
  vendorId: string,
  outDir: string,
  emittedModelJson: string,
): Promise<PlannedChangeset | undefined> {
  const committed = await readFile(join(root, outDir, "openapi.gen.json"), "utf8").then(
    (t) => JSON.parse(t) as GenModel,
    () => undefined,
  );
  if (!committed) return undefined;
  const next = JSON.parse(emittedModelJson) as GenModel;
  const changes = diffModels(committed, next);
  const packageName = next["x-gen-vendor"].packageName;
  const rendered = renderChangeset(vendorId, packageName, changes);
  if (!rendered) return undefined;
  return { ...rendered, vendor: vendorId, packageName, path: `.changeset/${rendered.fileName}`, changes };
}
