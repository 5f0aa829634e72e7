import type { BatchProgress } from "@gen/batch";
import type { TextSink } from "./cli-io.js";

/**
 * The batch's one progress display on stderr: a line rewritten in place on a terminal; otherwise a
 * line whenever a job finishes, at most every `everyMs` (logs stay short).
 */
export function batchDisplay(
  sink: TextSink,
  formatProgress: (progress: BatchProgress) => string,
  everyMs = 2000,
  now: () => number = Date.now,
): { update(progress: BatchProgress): void; end(): void } {
  let last = "";
  let lastAt = Number.NEGATIVE_INFINITY;
  let finished = -1;
  let printed = "";
  return {
    update(progress: BatchProgress) {
      const line = formatProgress(progress);
      if (line === last) return;
      last = line;
      if (sink.isTTY) {
        sink.write(`\r\x1b[2K${line}`);
        return;
      }
      const doneNow = progress.done + progress.failed;
      if (doneNow === finished || now() - lastAt < everyMs) return;
      finished = doneNow;
      lastAt = now();
      printed = line;
      sink.write(`${line}\n`);
    },
    end() {
      if (sink.isTTY && last) sink.write("\n");
      else if (last && last !== printed) sink.write(`${last}\n`);
    },
  };
}
