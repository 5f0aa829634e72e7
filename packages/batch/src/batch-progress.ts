/** Counts of a running batch, for the one progress display. */
export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  running: number;
  /** Estimated ms to the end from the rate so far; undefined until something finished. */
  etaMs: number | undefined;
}

/** Tracks counts and estimates the time left from the jobs finished in this run. */
export class ProgressTracker {
  private finishedThisRun = 0;
  readonly counts = { done: 0, failed: 0, running: 0 };

  constructor(
    readonly total: number,
    private readonly now: () => number = Date.now,
    private readonly startedAt: number = now(),
  ) {}

  finished(ok: boolean, countsForEta = true): void {
    if (ok) this.counts.done++;
    else this.counts.failed++;
    if (countsForEta) this.finishedThisRun++;
  }

  snapshot(): BatchProgress {
    const left = this.total - this.counts.done - this.counts.failed;
    const elapsed = this.now() - this.startedAt;
    const etaMs =
      this.finishedThisRun > 0
        ? Math.round((elapsed / this.finishedThisRun) * left)
        : left === 0
          ? 0
          : undefined;
    return { total: this.total, ...this.counts, etaMs };
  }
}

/** `done 12/200 · running 8 · failed 1 · ETA 0:42` */
export function formatProgress(p: BatchProgress): string {
  const eta = p.etaMs === undefined ? "--:--" : clock(p.etaMs);
  return `done ${p.done}/${p.total} · running ${p.running} · failed ${p.failed} · ETA ${eta}`;
}

function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
