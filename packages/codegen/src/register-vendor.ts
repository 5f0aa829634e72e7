import { access, readFile, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { GenerationError } from "@gen/spec";
import type { GenConfig, GenVendorConfig } from "./gen-config.js";

const CATALOG_NAMES = ["openapi.yaml", "openapi.yml", "openapi.json"];

/**
 * `gen generate --vendor <id>` for a vendor not yet in `gen.config.json`: when
 * `catalogs/<id>/openapi.{yaml,yml,json}` exists, adds `{ id, catalog, adapter: "openapi", out:
 * "packages/<id>" }` to the config's `vendors` (written unless `check`) and returns it; otherwise
 * an error naming both ways to fix it.
 */
export async function registerVendor(
  root: string,
  id: string,
  config: GenConfig,
  check: boolean,
): Promise<GenVendorConfig> {
  const found = [];
  for (const name of CATALOG_NAMES)
    if (await exists(join(root, "catalogs", id, name))) found.push(posix.join("catalogs", id, name));
  const catalog = found[0];
  if (!/^[a-z][a-z0-9-]*$/.test(id) || !catalog) {
    const known = config.vendors.map((v) => v.id).join(", ") || "none";
    throw new GenerationError([
      {
        severity: "error",
        code: "unknown-vendor",
        message: `no vendor "${id}" in gen.config (known: ${known}) and no catalogs/${id}/openapi.yaml: put the vendor's OpenAPI file there (ids are lower-case), or add { "id": "${id}", "catalog": "<path>", "adapter": "openapi", "out": "packages/${id}" } to gen.config.json "vendors"`,
        file: "gen.config.json",
        entry: "vendors",
        field: "id",
      },
    ]);
  }
  const vendor: GenVendorConfig = { id, catalog, adapter: "openapi", out: `packages/${id}` };
  const file = join(root, "gen.config.json");
  if (!(await exists(file)))
    throw new GenerationError([
      {
        severity: "error",
        code: "unknown-vendor",
        message: `no vendor "${id}" in gen.config: add ${JSON.stringify(vendor)} to its vendors (only gen.config.json is edited automatically)`,
        file: "gen.config.mjs",
        entry: "vendors",
        field: "id",
      },
    ]);
  config.vendors.push(vendor);
  if (!check) {
    const raw = JSON.parse(await readFile(file, "utf8")) as { vendors: unknown[] };
    raw.vendors.push(vendor);
    await writeFile(file, `${JSON.stringify(raw, null, 2)}\n`);
  }
  return vendor;
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
