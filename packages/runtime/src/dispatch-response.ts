import type { Dispatcher } from "undici";
import { classifyNetworkErrorLazily } from "./classify-network-error-lazily.js";
import type { TransportRequest, TransportResponse } from "./types.js";

/** Buffered body bytes past which the connection is paused until the reader catches up. */
const HIGH_WATER_BYTES = 64 * 1024;
/** Bytes `dump()` reads and drops to keep the connection before closing it instead (undici's default). */
const DUMP_LIMIT_BYTES = 128 * 1024;

type Controller = Dispatcher.DispatchController;

/**
 * A response fed by an undici dispatch handler: chunks queue here as they arrive (the connection
 * pauses past 64 KiB unread), read once as text, as a stream of chunks, or dropped by `dump()`.
 * A failure after the headers (abort, timeout, lost connection) reaches the reader classified as
 * a network error of a request that was sent.
 */
export class DispatchResponse implements TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Through the runtime's own agent: undici decodes nothing and its HTTP/1.1 parser frames a body
   * by its Content-Length. Not claimed for a caller's dispatcher (an interceptor may rewrite bodies).
   */
  readonly exactLength: boolean;
  readonly #request: TransportRequest;
  readonly #controller: Controller;
  #chunks: Buffer[] = [];
  #queued = 0;
  #ended = false;
  #error: unknown;
  #dumping = 0;
  #wake: (() => void) | undefined;
  #body: AsyncIterable<Uint8Array> | undefined;

  constructor(
    controller: Controller,
    status: number,
    headers: Record<string, string>,
    request: TransportRequest,
    exactLength: boolean,
  ) {
    this.exactLength = exactLength;
    this.#controller = controller;
    this.status = status;
    this.headers = headers;
    this.#request = request;
  }

  /** From the handler: one body chunk. */
  push(chunk: Buffer): void {
    if (this.#dumping) {
      this.#dumping += chunk.length;
      if (this.#dumping > DUMP_LIMIT_BYTES) this.#controller.abort(new Error("response body dropped"));
      return;
    }
    this.#chunks.push(chunk);
    this.#queued += chunk.length;
    if (this.#queued > HIGH_WATER_BYTES && this.#wake === undefined) this.#controller.pause();
    this.#notify();
  }

  /** From the handler: the body is complete (`error` undefined) or failed. */
  end(error?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#error = error;
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #next(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      if (this.#controller.paused) this.#controller.resume();
    });
  }

  async #failure(): Promise<never> {
    throw await classifyNetworkErrorLazily(this.#error, this.#request, true);
  }

  async text(): Promise<string> {
    while (!this.#ended) await this.#next();
    if (this.#error !== undefined) return this.#failure();
    const chunks = this.#chunks;
    this.#chunks = [];
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const text = bytes.toString("utf8");
    // As `TextDecoder` (and undici's `text()`): a byte order mark is not part of the text.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  get body(): AsyncIterable<Uint8Array> {
    this.#body ??= this.#stream();
    return this.#body;
  }

  async *#stream(): AsyncGenerator<Uint8Array, void, undefined> {
    for (;;) {
      if (this.#chunks.length > 0) {
        const chunk = this.#chunks.shift()!;
        this.#queued -= chunk.length;
        yield chunk;
      } else if (this.#ended) {
        if (this.#error !== undefined) await this.#failure();
        return;
      } else await this.#next();
    }
  }

  async dump(): Promise<void> {
    if (this.#ended) return;
    this.#dumping = 1 + this.#queued;
    this.#chunks = [];
    this.#queued = 0;
    while (!this.#ended) await this.#next();
  }
}
