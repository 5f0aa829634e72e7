import { fetchTransport } from "./fetch-transport.js";
import type { Transport } from "./types.js";

/** Which implementation `defaultTransport` uses in this runtime (chosen by package conditions). */
export const defaultTransportKind: "fetch" | "undici" = "fetch";

/** The transport used when no `fetch` is supplied: global `fetch` (browsers, edge, Deno, Bun). */
export const defaultTransport: Transport = /* @__PURE__ */ fetchTransport();

/** The transport for a user-supplied `fetch` (`options.fetch`): the fetch transport is loaded anyway. */
export { fetchTransport as transportForFetch } from "./fetch-transport.js";
