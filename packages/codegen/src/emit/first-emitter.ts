/**
 * Emit-once bookkeeping: the first name that emitted a given text. Operations whose inputs,
 * outputs or validators come out identical (shared components, copied request bodies) reference
 * the first definition by name instead of repeating it.
 */
export class FirstEmitter {
  private readonly first = new Map<string, string>();

  /** The earlier name that emitted `text`; `undefined` (and `name` recorded) when it is new. */
  earlier(text: string, name: string): string | undefined {
    const found = this.first.get(text);
    if (found === undefined) this.first.set(text, name);
    return found;
  }
}
