/**
 * vitest globalSetup: every test run (and every process it starts: workers, CLI subprocesses,
 * simulators) gets its own TMPDIR, removed when the run ends, so no test leaves temp folders
 * behind in the machine's /tmp, whatever it forgets to clean.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "gen-tests-"));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}
