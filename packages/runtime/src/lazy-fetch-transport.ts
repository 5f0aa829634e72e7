import { lazyTransport } from "./lazy-transport.js";
import type { FetchLike, Transport } from "./types.js";

/**
 * `fetchTransport(fetchImpl)`, with `fetch-transport` imported on the first request: on Node the
 * default transport is undici, so the fetch transport loads only for clients given `fetch`.
 */
export const lazyFetchTransport = (fetchImpl?: FetchLike): Transport =>
  lazyTransport(() => import("./fetch-transport.js").then((m) => m.fetchTransport(fetchImpl)));
