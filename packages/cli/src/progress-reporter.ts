import type { ProgressEvent } from "@gen/runtime";
import { printJson, println, type TextSink } from "./cli-io.js";

/** Receives task progress; `done` closes the display (a success shows 100% first). */
export interface ProgressReporter {
  update(event: ProgressEvent): void;
  done(succeeded: boolean): void;
}

type Display = { update(event: ProgressEvent): void; close(): void };

/** Picks the display: JSON lines with `--json`, a live bar on a terminal, plain lines otherwise. */
export function createProgressReporter(mode: {
  json: boolean;
  stdout: TextSink;
  stderr: TextSink;
}): ProgressReporter {
  let display: Display;
  if (mode.json) display = { update: (e) => printJson(mode.stdout, { type: "progress", ...e }), close() {} };
  else if (mode.stderr.isTTY) display = barDisplay(mode.stderr);
  else display = lineDisplay(mode.stderr);
  let last: ProgressEvent | undefined;
  return {
    update(event) {
      last = event;
      display.update(event);
    },
    done(succeeded) {
      if (succeeded && last && last.status !== "succeeded") {
        display.update({ ...last, status: "succeeded", progress: 100 });
      }
      display.close();
    },
  };
}

const BAR_WIDTH = 30;

/**
 * `\r`-updated bar: `[#########.....]  45% running 0:12 elapsed, ETA 0:48`. The runtime sends an
 * event at least every second, so the clock and the ETA move even between polls; `~` marks an
 * estimated percentage, `ETA soon` a task past its estimate.
 */
export function renderBar(event: ProgressEvent): string {
  const pct = Math.max(0, Math.min(100, Math.round(event.progress)));
  const filled = Math.round((pct / 100) * BAR_WIDTH);
  const bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
  const mark = event.estimated ? "~" : " ";
  // A resumed task (`gen wait`) shows its whole age, not just this wait's.
  const elapsed = Math.max(event.elapsedMs, event.ageMs ?? 0);
  return `[${bar}]${mark}${String(pct).padStart(3)}% ${event.status} ${clock(elapsed)} elapsed${eta(event)}`;
}

/** `, ETA 1:05` / `, ETA soon` while running; nothing once the task has ended. */
function eta(event: ProgressEvent): string {
  if (event.etaMs === undefined) return "";
  return event.etaMs > 0 ? `, ETA ${clock(event.etaMs)}` : ", ETA soon";
}

/** `m:ss` (or `h:mm:ss`), whole seconds. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

function barDisplay(sink: TextSink): Display {
  let drawn = false;
  return {
    update(event) {
      sink.write(`\r${renderBar(event)}\x1b[K`);
      drawn = true;
    },
    close() {
      if (drawn) sink.write("\n");
      drawn = false;
    },
  };
}

function lineDisplay(sink: TextSink): Display {
  let last = "";
  let lastStep = -1;
  return {
    update(event) {
      const step = Math.floor(event.progress / 10);
      if (event.status === last && step === lastStep) return;
      last = event.status;
      lastStep = step;
      println(
        sink,
        `progress: ${Math.round(event.progress)}% ${event.status} ${seconds(event.elapsedMs)}${eta(event)}`,
      );
    },
    close() {},
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
