/** Keeps events coming: `tick()` runs whenever `intervalMs` passed without a `touch()` or a tick. */
export interface ProgressTicker {
  /** An event was just sent: the next tick is due `intervalMs` from now. */
  touch(): void;
  stop(): void;
}

/**
 * Starts a ticker on the global timers (so a virtual clock drives it too). Its timer is unref'd
 * where the platform allows: it never keeps a process alive on its own.
 */
export function startProgressTicker(intervalMs: number, tick: () => void): ProgressTicker {
  let last = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(fire, Math.max(0, last + intervalMs - Date.now()));
    (timer as { unref?: () => void }).unref?.();
  };
  const fire = () => {
    if (stopped) return;
    if (Date.now() - last >= intervalMs) {
      last = Date.now();
      tick();
    }
    arm();
  };
  arm();
  return {
    touch() {
      last = Date.now();
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
