import type { IncomingHttpHeaders } from "node:http";
import type { SimTask } from "./types.js";

/** One recorded request. Credentials are redacted everywhere (`[redacted]`). */
export interface LedgerEntry {
  seq: number;
  time: number;
  host: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  operationId?: string;
  /** HTTP status answered (absent when the socket was reset). */
  status?: number;
  /** Kind of the fault applied to this request. */
  fault?: string;
  /** Task created by this request. */
  taskId?: string;
  outcome: "pending" | "answered" | "reset";
}

/** Filter of {@link Ledger.requests}. */
export interface LedgerFilter {
  operationId?: string;
  method?: string;
  path?: string;
  host?: string;
}

const REDACTED = "[redacted]";
const SENSITIVE = new Set(["authorization", "proxy-authorization", "cookie", "x-api-key"]);

/** Every request the simulator saw, creates per operation, tasks made. */
export class Ledger {
  readonly entries: LedgerEntry[] = [];
  private readonly creates = new Map<string, number>();
  private readonly raw = new WeakMap<LedgerEntry, IncomingHttpHeaders>();
  private seq = 0;

  constructor(
    private readonly secrets: readonly string[],
    private readonly sensitiveHeaders: readonly string[],
    private readonly listTasks: () => SimTask[],
    private readonly now: () => number,
  ) {}

  /** Records a request (headers, path and body redacted); the entry is completed later. */
  record(init: {
    host: string;
    method: string;
    url: URL;
    headers: IncomingHttpHeaders;
    operationId?: string;
  }): LedgerEntry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(init.headers)) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(", ") : value;
      const sensitive = SENSITIVE.has(name) || this.sensitiveHeaders.includes(name);
      headers[name] = sensitive ? REDACTED : this.redact(text);
    }
    const query: Record<string, string> = {};
    for (const [k, v] of init.url.searchParams) query[k] = this.redact(v);
    const entry: LedgerEntry = {
      seq: ++this.seq,
      time: this.now(),
      host: init.host,
      method: init.method,
      path: this.redact(init.url.pathname),
      query,
      headers,
      body: undefined,
      outcome: "pending",
      ...(init.operationId ? { operationId: init.operationId } : {}),
    };
    this.entries.push(entry);
    this.raw.set(entry, init.headers);
    return entry;
  }

  /** Stores the parsed body of an entry, redacted. */
  setBody(entry: LedgerEntry, body: unknown): void {
    entry.body = this.redactDeep(body);
  }

  /** Counts an accepted create of an operation. */
  noteCreate(operationId: string): void {
    this.creates.set(operationId, (this.creates.get(operationId) ?? 0) + 1);
  }

  /** Accepted creates of one operation, or of all when omitted. */
  createCount(operationId?: string): number {
    if (operationId) return this.creates.get(operationId) ?? 0;
    return [...this.creates.values()].reduce((a, b) => a + b, 0);
  }

  createCounts(): Record<string, number> {
    return Object.fromEntries(this.creates);
  }

  tasks(): SimTask[] {
    return this.listTasks();
  }

  requests(filter: LedgerFilter = {}): LedgerEntry[] {
    return this.entries.filter(
      (e) =>
        (!filter.operationId || e.operationId === filter.operationId) &&
        (!filter.method || e.method === filter.method.toUpperCase()) &&
        (!filter.path || e.path === filter.path) &&
        (!filter.host || e.host === filter.host),
    );
  }

  /** Assertion helper: whether the raw (unredacted) header of an entry equals `value`. */
  headerEquals(entry: LedgerEntry, name: string, value: string): boolean {
    const raw = this.raw.get(entry)?.[name.toLowerCase()];
    return (Array.isArray(raw) ? raw.join(", ") : raw) === value;
  }

  /** Serialisable view (the HTTP control API answers it); task inputs redacted too. */
  toJSON(): { entries: LedgerEntry[]; creates: Record<string, number>; tasks: unknown } {
    return { entries: this.entries, creates: this.createCounts(), tasks: this.redactDeep(this.tasks()) };
  }

  clear(): void {
    this.entries.length = 0;
    this.creates.clear();
  }

  private redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (secret) out = out.split(secret).join(REDACTED);
    return out;
  }

  private redactDeep(value: unknown): unknown {
    if (typeof value === "string") return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.redactDeep(v));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactDeep(v)]));
    }
    return value;
  }
}
