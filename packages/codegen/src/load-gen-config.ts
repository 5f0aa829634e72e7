import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { GenerationError } from "@gen/spec";
import { type GenConfig, parseGenConfig, validateGenConfig } from "./gen-config.js";

/** The config file names read from a root, in order. */
export const GEN_CONFIG_FILES = ["gen.config.json", "gen.config.mjs"] as const;

/** Reads `gen.config.json`, else `gen.config.mjs` (its default export), from `root`. */
export async function loadGenConfig(root: string): Promise<{ config: GenConfig; file: string }> {
  const present: string[] = [];
  for (const name of GEN_CONFIG_FILES) if (await exists(join(root, name))) present.push(name);
  const file = present[0];
  if (present.length !== 1 || !file) {
    throw new GenerationError([
      {
        severity: "error",
        code: "bad-config",
        message: present.length
          ? `both ${present.join(" and ")} exist in ${root}: keep one`
          : `no ${GEN_CONFIG_FILES.join(" or ")} in ${root}`,
        file: join(root, GEN_CONFIG_FILES[0]),
        entry: "(root)",
      },
    ]);
  }
  if (file.endsWith(".json"))
    return { config: parseGenConfig(await readFile(join(root, file), "utf8"), file), file };
  const mod = (await import(pathToFileURL(join(root, file)).href)) as { default?: unknown };
  return { config: validateGenConfig(mod.default, file), file };
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
