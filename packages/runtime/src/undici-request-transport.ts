import type { Dispatcher } from "undici";
import { agentFromEnv } from "./agent-from-env.js";
import { classifyNetworkErrorLazily } from "./classify-network-error-lazily.js";
import { DispatchResponse } from "./dispatch-response.js";
import { defaultEnv } from "./resolve-credential.js";
import type { Transport, TransportRequest, TransportResponse } from "./types.js";

let shared: Dispatcher | undefined;

/**
 * The process-wide keep-alive agent behind the Node default transport, created on first use; it
 * goes through `HTTPS_PROXY` / `HTTP_PROXY` (minus `NO_PROXY`) when set (see agentFromEnv).
 */
export function sharedAgent(): Dispatcher {
  shared ??= agentFromEnv(defaultEnv());
  return shared;
}

/** Origin and path of each URL sent (API URLs repeat: parsed once). */
const targets = /* @__PURE__ */ new Map<string, { origin: string; path: string }>();

function targetOf(url: string): { origin: string; path: string } {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
    if (targets.size >= 256) targets.clear();
    targets.set(url, target);
  }
  return target;
}

/** undici already lower-cases names; repeated headers (set-cookie) arrive as arrays. */
function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (typeof value !== "string") headers[name] = Array.isArray(value) ? value.join(", ") : "";
  }
  return headers as Record<string, string>;
}

/**
 * `undiciTransport` without the light abort-controller registration: for callers that register
 * it on their own wrapper (the Node default transport). It drives undici's `Dispatcher.dispatch`
 * with its own handler rather than undici's `request`, whose stream per response costs about
 * 10 µs a call (measured: bench/user-create.ts); the agent, the connection pool, keep-alive,
 * proxies and HTTP parsing stay undici's.
 */
export function undiciRequestTransport(dispatcher?: Dispatcher): Transport {
  return dispatcher
    ? (request) => exchange(dispatcher, request, false)
    : (request) => exchange(sharedAgent(), request, true);
}

function exchange(
  dispatcher: Dispatcher,
  request: TransportRequest,
  exactLength: boolean,
): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    const { signal } = request;
    let controller: Dispatcher.DispatchController | undefined;
    let response: DispatchResponse | undefined;
    let settled = false;
    // Before the request has a connection there is nothing to abort yet: settle now, and
    // `onRequestStart` aborts it before any byte is written.
    const onAbort = () => (controller ? controller.abort(signal.reason) : fail(signal.reason));
    const done = () => {
      if (!settled) {
        settled = true;
        signal.removeEventListener("abort", onAbort);
      }
    };
    const fail = (error: unknown) => {
      const settledBefore = settled;
      done();
      if (response) response.end(error);
      else if (!settledBefore) classifyNetworkErrorLazily(error, request).then(reject, reject);
    };
    if (signal.aborted) {
      fail(signal.reason);
      return;
    }
    signal.addEventListener("abort", onAbort);
    try {
      const { origin, path } = targetOf(request.url);
      // On a null prototype: undici reads more options (query, timeouts, upgrade) than these, and
      // a polluted Object.prototype must supply none of them.
      const options: Dispatcher.DispatchOptions = Object.create(null);
      options.origin = origin;
      options.path = path;
      options.method = request.method;
      options.headers = request.headers;
      options.body = request.body ?? null;
      dispatcher.dispatch(options, {
        onRequestStart(c) {
          controller = c;
          if (signal.aborted) c.abort(signal.reason);
        },
        onResponseStart(c, status, headers) {
          // 1xx (informational) answers are not the response.
          if (status < 200 || response) return;
          response = new DispatchResponse(c, status, flattenHeaders(headers), request, exactLength);
          resolve(response);
        },
        onResponseData(_c, chunk) {
          response?.push(chunk);
        },
        onResponseEnd() {
          if (response) {
            done();
            response.end();
          } else fail(new Error("the exchange ended without a response"));
        },
        onResponseError(_c, error) {
          fail(error);
        },
      });
    } catch (error) {
      // A malformed URL or option: nothing was sent.
      fail(error);
    }
  });
}
