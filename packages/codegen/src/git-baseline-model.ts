import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import type { CatalogAdapterV1, GenModel } from "@gen/spec";
import type { GenVendorConfig } from "./gen-config.js";
import { loadAdapter } from "./load-adapter.js";
import { loadVendorModel } from "./load-vendor-model.js";
import { gitSucceeds, runGit } from "./run-git.js";

/**
 * The model a package without a shipped `openapi.gen.json` was last generated from: the vendor's
 * catalog directory (catalog, overlay, anything beside them) at the last commit that touched the
 * package's `out` directory, run through the same loader. Undefined when there is no baseline
 * (no git, no such commit, the files no longer load) and when those files are byte-identical to
 * the working tree (nothing changed: no diff, no adapter run).
 */
export async function gitBaselineModel(
  root: string,
  vendor: GenVendorConfig,
  adapters?: ReadonlyMap<string, CatalogAdapterV1>,
): Promise<GenModel | undefined> {
  const rev = (await runGit(root, ["log", "-1", "--format=%H", "--", vendor.out]))?.toString().trim();
  if (!rev) return undefined;
  const catalogDir = posix.dirname(vendor.catalog.split("\\").join("/"));
  // A catalog at the root: only the file itself (not the whole repository).
  const scope = catalogDir === "." ? vendor.catalog : catalogDir;
  const same =
    (await gitSucceeds(root, ["diff", "--quiet", rev, "--", scope])) &&
    (await runGit(root, ["ls-files", "--others", "--exclude-standard", "--", scope]))?.length === 0;
  if (same) return undefined;
  const listed = await runGit(root, ["ls-tree", "-r", "-z", "--name-only", rev, "--", scope]);
  const files = listed?.toString().split("\0").filter(Boolean) ?? [];
  if (!files.length) return undefined;
  const dir = await mkdtemp(join(tmpdir(), "gen-baseline-"));
  try {
    for (const file of files) {
      const content = await runGit(root, ["show", `${rev}:./${file}`]);
      if (content === undefined) return undefined;
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), content);
    }
    // The adapter resolves against the real root (a path or package adapter), the files against the copy.
    const adapter = await loadAdapter(vendor.adapter, root, adapters).catch(() => undefined);
    if (!adapter) return undefined;
    const loaded = await loadVendorModel(
      dir,
      vendor,
      new Map([...(adapters ?? []), [vendor.adapter, adapter]]),
    );
    return loaded.diagnostics.some((d) => d.severity === "error") ? undefined : loaded.model;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
