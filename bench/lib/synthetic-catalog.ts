import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Path, relative to the root it is written under, of the synthetic catalog. */
export const SYNTHETIC_CATALOG = "catalogs/synthetic/c_api_doc_detail.json";

/**
 * Writes the Media.io catalog repeated `scale` times (names, model codes, ids and endpoints made
 * unique per copy) plus its overlay under `dir`, and returns {@link SYNTHETIC_CATALOG}.
 */
export function writeSyntheticCatalog(root: string, dir: string, scale: number): string {
  const entries = JSON.parse(
    readFileSync(join(root, "catalogs/mediaio/c_api_doc_detail.json"), "utf8"),
  ) as Array<Record<string, unknown>>;
  const out: Array<Record<string, unknown>> = [];
  for (let copy = 0; copy < scale; copy++) {
    for (const e of entries) {
      const suffix = copy === 0 ? "" : `-c${copy}`;
      const endpoint = String(e.endpoint).replace(
        /^(https:\/\/[^/]+\/[^{]*?)(\/\{task_id\})?$/,
        `$1${suffix}$2`,
      );
      out.push({
        ...e,
        id: Number(e.id) + copy * 1000,
        name: `${e.name}${suffix}`,
        model_code: `${e.model_code}${suffix}`,
        endpoint,
      });
    }
  }
  mkdirSync(join(dir, "catalogs/synthetic"), { recursive: true });
  writeFileSync(join(dir, SYNTHETIC_CATALOG), JSON.stringify(out));
  writeFileSync(
    join(dir, "catalogs/synthetic/overlay.yaml"),
    readFileSync(join(root, "catalogs/mediaio/overlay.yaml")),
  );
  return SYNTHETIC_CATALOG;
}
