import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CatalogAdapterV1, GenModel } from "@gen/spec";
import { diffModels } from "./diff/diff-models.js";
import type { ModelChange } from "./diff/model-change.js";
import { type RenderedChangeset, renderChangeset } from "./diff/render-changeset.js";
import type { GenVendorConfig } from "./gen-config.js";
import { gitBaselineModel } from "./git-baseline-model.js";

/** The release note of one regenerated package, from its previous model to the new one. */
export interface PlannedChangeset extends RenderedChangeset {
  vendor: string;
  packageName: string;
  /** Path relative to the root (`.changeset/<file>`). */
  path: string;
  changes: ModelChange[];
}

/**
 * Diffs the package's previous model against the newly emitted one. The previous model is the
 * `<out>/openapi.gen.json` on disk when the package ships one (gen.config `shipModel`), else the
 * model rebuilt from the catalog as of the last commit of `<out>` (see gitBaselineModel). No
 * previous model (a new package, no git history) or no change: `undefined`.
 */
export async function planChangeset(
  root: string,
  vendor: GenVendorConfig,
  adapters: ReadonlyMap<string, CatalogAdapterV1> | undefined,
  emittedModelJson: string,
): Promise<PlannedChangeset | undefined> {
  const previous =
    (await readFile(join(root, vendor.out, "openapi.gen.json"), "utf8").then(
      (t) => JSON.parse(t) as GenModel,
      () => undefined,
    )) ?? (await gitBaselineModel(root, vendor, adapters));
  if (!previous) return undefined;
  const next = JSON.parse(emittedModelJson) as GenModel;
  const changes = diffModels(previous, next);
  const packageName = next["x-gen-vendor"].packageName;
  const rendered = renderChangeset(vendor.id, packageName, changes);
  if (!rendered) return undefined;
  return { ...rendered, vendor: vendor.id, packageName, path: `.changeset/${rendered.fileName}`, changes };
}
