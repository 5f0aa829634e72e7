import { performance } from "node:perf_hooks";
import { median, round } from "./stats.ts";

export interface Row {
  name: string;
  call: () => Promise<unknown>;
}

export interface RowResult {
  name: string;
  usPerCall: number;
  opsPerSec: number;
  cpuUsPerCall: number;
}

/**
 * Runs rows interleaved (order rotating every round, so load drift hits all alike) after a
 * warm-up; returns per-row medians over rounds of wall and CPU µs per sequential call.
 */
export async function measureRows(
  rows: Row[],
  rounds: number,
  calls: number,
  warmup: number,
): Promise<RowResult[]> {
  for (const row of rows) for (let i = 0; i < warmup; i++) await row.call();
  const wall = new Map<string, number[]>(rows.map((r) => [r.name, []]));
  const cpu = new Map<string, number[]>(rows.map((r) => [r.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[(i + round) % rows.length]!;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let n = 0; n < calls; n++) await row.call();
      const us = ((performance.now() - t0) * 1000) / calls;
      const used = process.cpuUsage(c0);
      wall.get(row.name)!.push(us);
      cpu.get(row.name)!.push((used.user + used.system) / calls);
    }
  }
  return rows.map((r) => {
    const us = median(wall.get(r.name)!);
    return {
      name: r.name,
      usPerCall: round(us),
      opsPerSec: Math.round(1e6 / us),
      cpuUsPerCall: round(median(cpu.get(r.name)!)),
    };
  });
}
