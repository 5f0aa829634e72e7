import { readdirSync, readFileSync } from "node:fs";

/** Peak resident set (VmHWM, bytes) of the largest process in a process group (Linux /proc). */
export function groupPeakRss(pgid: number): number {
  let peak = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
    } catch {
      // the process exited meanwhile
    }
  }
  return peak;
}

/** Samples a group's peak RSS every `everyMs` until stopped; returns the maximum seen. */
export function samplePeakRss(pgid: number, everyMs = 100): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, groupPeakRss(pgid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, groupPeakRss(pgid));
    },
  };
}
