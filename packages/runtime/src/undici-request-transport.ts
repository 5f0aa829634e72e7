import { type Dispatcher, request as undiciRequest } from "undici";
import { agentFromEnv } from "./agent-from-env.js";
import { classifyNetworkErrorLazily, guardBodyLazily } from "./classify-network-error-lazily.js";
import { defaultEnv } from "./resolve-credential.js";
import type { Transport, TransportRequest, TransportResponse } from "./types.js";

const noop = (): void => {};
let shared: Dispatcher | undefined;

/**
 * The process-wide keep-alive agent behind the Node default transport, created on first use; it
 * goes through `HTTPS_PROXY` / `HTTP_PROXY` (minus `NO_PROXY`) when set (see agentFromEnv).
 */
export function sharedAgent(): Dispatcher {
  shared ??= agentFromEnv(defaultEnv());
  return shared;
}

/**
 * `undiciTransport` without the light abort-controller registration: for callers that register
 * it on their own wrapper (the Node default transport).
 */
export function undiciRequestTransport(dispatcher?: Dispatcher): Transport {
  return async (request) => {
    let data: Dispatcher.ResponseData;
    try {
      // undici throws synchronously on a malformed URL: keep that inside the try as well.
      data = await undiciRequest(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: request.signal,
        dispatcher: dispatcher ?? sharedAgent(),
      });
    } catch (error) {
      throw await classifyNetworkErrorLazily(error, request);
    }
    return new UndiciTransportResponse(data, request);
  };
}

class UndiciTransportResponse implements TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** undici's `request` decodes nothing and its HTTP/1.1 parser frames a body by its Content-Length. */
  readonly exactLength = true;
  readonly #data: Dispatcher.ResponseData;
  readonly #request: TransportRequest;
  #body: AsyncIterable<Uint8Array> | undefined;

  constructor(data: Dispatcher.ResponseData, request: TransportRequest) {
    this.status = data.statusCode;
    this.headers = flattenHeaders(data.headers);
    this.#data = data;
    this.#request = request;
  }

  get body(): AsyncIterable<Uint8Array> {
    this.#body ??= guardBodyLazily(this.#data.body, this.#request);
    return this.#body;
  }

  async text(): Promise<string> {
    try {
      return await this.#data.body.text();
    } catch (error) {
      throw await classifyNetworkErrorLazily(error, this.#request, true);
    }
  }

  async dump(): Promise<void> {
    await this.#data.body.dump().catch(noop);
  }
}

/** undici already lower-cases names; repeated headers (set-cookie) arrive as arrays. */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value !== "string") headers[name] = Array.isArray(value) ? value.join(", ") : "";
  }
  return headers as Record<string, string>;
}
