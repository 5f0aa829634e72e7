import type { Transport } from "./types.js";
import { undiciTransport } from "./undici-transport.js";

/** Which implementation `defaultTransport` uses in this runtime (chosen by package conditions). */
export const defaultTransportKind: "fetch" | "undici" = "undici";

/** The transport used on Node when no `fetch` is supplied: undici `request` on a shared keep-alive agent. */
export const defaultTransport: Transport = /* @__PURE__ */ undiciTransport();
