import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The per-user studio folder: `$GEN_STUDIO_DIR`, else `$XDG_DATA_HOME/gen/studio`, else
 * `~/.local/share/gen/studio`. Holds the task history, downloaded results and uploads.
 */
export function defaultDataDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.GEN_STUDIO_DIR) return env.GEN_STUDIO_DIR;
  const base = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "gen", "studio");
}
