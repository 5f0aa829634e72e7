import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { SimulatorOptions } from "./types.js";

/** The workspace root: the nearest ancestor holding `pnpm-workspace.yaml`. */
export function findWorkspaceRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}; pass \`root\` or \`model\``);
    dir = parent;
  }
  return dir;
}

/** Loads the model from `model`, `modelPath` or `vendor` (packages/<id>/openapi.gen.json). */
export async function loadModel(options: SimulatorOptions): Promise<object> {
  if (options.model) return options.model;
  const path =
    options.modelPath ??
    (options.vendor
      ? join(options.root ?? findWorkspaceRoot(), "packages", options.vendor, "openapi.gen.json")
      : undefined);
  if (!path) throw new Error("startSimulator: give `model`, `modelPath` or `vendor`");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new Error(
      `startSimulator: cannot read the model at ${path} (a package generated without gen.config "shipModel": true ships none: pass \`model\` or \`modelPath\`)`,
    );
  }
  return (/\.ya?ml$/.test(path) ? parse(text) : JSON.parse(text)) as object;
}
