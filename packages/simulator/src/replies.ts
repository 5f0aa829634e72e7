import type { XGenErrorKind } from "@gen/spec";
import type { SimModel } from "./model-index.js";
import type { SimResponse } from "./types.js";

const STATUS_BY_KIND: Record<XGenErrorKind, number> = {
  authentication: 401,
  insufficient_credits: 402,
  rate_limited: 429,
  content_rejected: 422,
  invalid_request: 400,
  not_found: 404,
  server_error: 500,
};

/** Builds envelope success / error responses the way the model's vendor answers. */
export class Replies {
  private traceSeq = 0;

  constructor(
    private readonly model: SimModel,
    private readonly preferred: Partial<Record<string, string | number>> = {},
  ) {}

  ok(data: unknown, status = 200): SimResponse {
    const env = this.model.envelope;
    if (!env) return { status, json: data };
    return { status, json: this.wrap(env.successCodes[0] ?? 0, "", data) };
  }

  error(code: string | number, message?: string, status?: number): SimResponse {
    const known = this.model.errors[String(code)];
    const env = this.model.envelope;
    const httpStatus =
      status ?? known?.httpStatus ?? (env ? 200 : STATUS_BY_KIND[known?.kind ?? "invalid_request"]);
    const text = message ?? known?.message ?? "error";
    const wire = this.codeValue(code);
    if (!env) return { status: httpStatus, json: { code: wire, message: text } };
    return { status: httpStatus, json: this.wrap(wire, text, null) };
  }

  /** The preferred or first vendor code of a kind, or a neutral fallback (the kind's HTTP status). */
  errorOfKind(kind: string, message?: string, status?: number): SimResponse {
    const preferred = this.preferred[kind];
    if (preferred !== undefined) return this.error(preferred, message, status);
    const entry = Object.entries(this.model.errors).find(([, e]) => e.kind === kind);
    if (entry) return this.error(entry[0], message ?? entry[1].message, status);
    const fallback = STATUS_BY_KIND[kind as XGenErrorKind] ?? 400;
    return this.error(fallback, message ?? kind, status ?? fallback);
  }

  private codeValue(code: string | number): string | number {
    const sample = this.model.envelope?.successCodes[0];
    const numeric = typeof code === "string" && /^-?\d+$/.test(code);
    return numeric && typeof sample !== "string" ? Number(code) : code;
  }

  private wrap(code: unknown, message: string, data: unknown): Record<string, unknown> {
    const env = this.model.envelope!;
    const out: Record<string, unknown> = {
      [env.codeField]: code,
      [env.messageField]: message,
      [env.dataField]: data,
    };
    if (env.traceIdField) out[env.traceIdField] = `sim-trace-${++this.traceSeq}`;
    return out;
  }
}
