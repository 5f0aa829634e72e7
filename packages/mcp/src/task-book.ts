/**
 * What this process remembers about tasks it has seen — a convenience, never a requirement: a
 * restarted server knows nothing and still serves every task from its id alone. It keeps the
 * creating request's progress token (so polls can report progress to it), the last progress sent
 * per token (MCP progress must increase), local cancellations and the waits to abort on cancel.
 */
export class TaskBook {
  readonly #tokens = new Map<string, string | number>();
  readonly #progress = new Map<string | number, number>();
  readonly #cancelled = new Set<string>();
  readonly #waits = new Map<string, Set<AbortController>>();

  rememberToken(taskId: string, token: string | number | undefined): void {
    if (token !== undefined) this.#tokens.set(taskId, token);
  }

  tokenOf(taskId: string): string | number | undefined {
    return this.#tokens.get(taskId);
  }

  /** True when `value` is higher than what `token` was last sent (and records it). */
  advance(token: string | number, value: number): boolean {
    const last = this.#progress.get(token) ?? -1;
    if (value <= last) return false;
    this.#progress.set(token, value);
    return true;
  }

  cancel(taskId: string): void {
    this.#cancelled.add(taskId);
    for (const controller of this.#waits.get(taskId) ?? []) controller.abort(new Error("task cancelled"));
  }

  isCancelled(taskId: string): boolean {
    return this.#cancelled.has(taskId);
  }

  /** An abort signal for one wait on a task: aborted by `cancel` or by `parent`. */
  track(taskId: string, parent: AbortSignal): { signal: AbortSignal; release(): void } {
    const controller = new AbortController();
    const onAbort = () => controller.abort(parent.reason);
    parent.addEventListener("abort", onAbort, { once: true });
    const set = this.#waits.get(taskId) ?? new Set();
    set.add(controller);
    this.#waits.set(taskId, set);
    return {
      signal: controller.signal,
      release: () => {
        parent.removeEventListener("abort", onAbort);
        set.delete(controller);
        if (set.size === 0) this.#waits.delete(taskId);
      },
    };
  }
}
