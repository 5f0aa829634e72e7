import { setAbortControllerFactory } from "./abort-controller-factory.js";
import { lazyTransport } from "./lazy-transport.js";
import { LightAbortController } from "./light-abort-controller.js";
import type { Transport } from "./types.js";

/** Which implementation `defaultTransport` uses in this runtime (chosen by package conditions). */
export const defaultTransportKind: "fetch" | "undici" = "undici";

/**
 * The transport used on Node when no `fetch` is supplied: undici `request` on a shared keep-alive
 * agent. undici is imported on the first request, so importing a vendor package stays cheap.
 */
export const defaultTransport: Transport = /* @__PURE__ */ setAbortControllerFactory(
  /* @__PURE__ */ lazyTransport(() =>
    import("./undici-request-transport.js").then((m) => m.undiciRequestTransport()),
  ),
  () => new LightAbortController(),
);

/**
 * The transport for a user-supplied `fetch` (`options.fetch`): the fetch transport, imported on
 * its first request, so Node clients without `fetch` never load it.
 */
export { lazyFetchTransport as transportForFetch } from "./lazy-fetch-transport.js";
