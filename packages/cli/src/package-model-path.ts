import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Path of the normalised model (`openapi.gen.json`) a vendor package ships; undefined when absent. */
export function packageModelPath(packageName: string): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const path = join(dirname(require.resolve(`${packageName}/package.json`)), "openapi.gen.json");
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
