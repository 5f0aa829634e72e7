import { classifyNetworkErrorLazily, guardBodyLazily } from "./classify-network-error-lazily.js";
import { describeRequest } from "./describe-request.js";
import { NetworkError } from "./errors/index.js";
import type { FetchLike, Transport, TransportRequest, TransportResponse } from "./types.js";

const noop = (): void => {};

/**
 * A `Transport` over WHATWG `fetch`: the one given (a user's `fetch` wins) or the global one,
 * looked up per request. Redirects are not followed (`redirect: "manual"`).
 */
export function fetchTransport(fetchImpl?: FetchLike): Transport {
  return async (request) => {
    let response: Response;
    try {
      response = await (fetchImpl ?? globalThis.fetch)(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body as BodyInit | undefined,
        signal: request.signal,
        redirect: "manual",
      });
    } catch (error) {
      throw await classifyNetworkErrorLazily(error, request);
    }
    if (response.type === "opaqueredirect") {
      await response.body?.cancel().catch(noop);
      throw new NetworkError(`${describeRequest(request)} was redirected, but this runtime hides redirects`, {
        sent: true,
      });
    }
    return new FetchTransportResponse(response, request);
  };
}

class FetchTransportResponse implements TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly #response: Response;
  readonly #request: TransportRequest;
  #body: AsyncIterable<Uint8Array> | undefined;

  constructor(response: Response, request: TransportRequest) {
    this.status = response.status;
    this.headers = headersToRecord(response.headers);
    this.#response = response;
    this.#request = request;
  }

  get body(): AsyncIterable<Uint8Array> {
    this.#body ??= guardBodyLazily(streamChunks(this.#response.body), this.#request);
    return this.#body;
  }

  async text(): Promise<string> {
    try {
      return await this.#response.text();
    } catch (error) {
      throw await classifyNetworkErrorLazily(error, this.#request, true);
    }
  }

  async dump(): Promise<void> {
    if (!this.#response.bodyUsed) await this.#response.body?.cancel().catch(noop);
  }
}

function headersToRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    const previous = record[name];
    record[name] = previous === undefined ? value : `${previous}, ${value}`;
  });
  return record;
}

async function* streamChunks(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!stream) return;
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(noop);
  }
}
