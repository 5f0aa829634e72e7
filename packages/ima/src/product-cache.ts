import type { ProductNode } from "./product-types.js";

export interface ProductCacheOptions {
  /** How long a fetched product list stays fresh, ms (default 10 minutes). */
  ttlMs?: number;
  /** Clock, ms (tests). */
  now?: () => number;
}

interface Entry {
  at: number;
  tree: Promise<ProductNode[]>;
}

/**
 * Product lists by category with a TTL. Concurrent callers share one fetch; a failed fetch is
 * not cached. `invalidate` drops entries (the client calls it on 6006/6009/6010).
 */
export class ProductCache {
  readonly ttlMs: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: ProductCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached tree of `category`, or the result of `load` (then cached). */
  get(category: string, load: () => Promise<ProductNode[]>): Promise<ProductNode[]> {
    const hit = this.entries.get(category);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.tree;
    const tree = load();
    const entry = { at: this.now(), tree };
    this.entries.set(category, entry);
    tree.catch(() => {
      if (this.entries.get(category) === entry) this.entries.delete(category);
    });
    return tree;
  }

  /** Forget one category, or all. */
  invalidate(category?: string): void {
    if (category === undefined) this.entries.clear();
    else this.entries.delete(category);
  }
}
