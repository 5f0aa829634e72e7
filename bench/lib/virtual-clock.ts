/**
 * Virtual time for one process: replaces `setTimeout`, `clearTimeout` and `Date.now` so real
 * timer-driven code (the runtime's waiter) runs hours of schedule in milliseconds. `run()` fires
 * timers in time order, letting microtasks settle (via the untouched `setImmediate`) in between.
 */
export function installVirtualClock() {
  let now = 0;
  let seq = 0;
  const timers = new Set<{ at: number; seq: number; fn: () => void }>();
  globalThis.setTimeout = ((fn: () => void, ms = 0) => {
    const timer = { at: now + Math.max(0, Number(ms) || 0), seq: seq++, fn };
    timers.add(timer);
    return timer;
  }) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((timer: unknown) => {
    timers.delete(timer as never);
  }) as typeof clearTimeout;
  Date.now = () => now;
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    /** Fire timers in order until none is left (or `until` resolves). */
    async run(until: Promise<unknown>): Promise<void> {
      let done = false;
      void until.finally(() => {
        done = true;
      });
      for (;;) {
        await settle();
        if (done || timers.size === 0) return;
        let next: { at: number; seq: number; fn: () => void } | undefined;
        for (const t of timers)
          if (!next || t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t;
        timers.delete(next!);
        now = next!.at;
        next!.fn();
      }
    },
  };
}
