import { setAbortControllerFactory } from "./abort-controller-factory.js";
import { LightAbortController } from "./light-abort-controller.js";
import type { Transport } from "./types.js";

/** Which implementation `defaultTransport` uses in this runtime (chosen by package conditions). */
export const defaultTransportKind: "fetch" | "undici" = "undici";

let undici: Transport | undefined;
let loading: Promise<Transport> | undefined;

function load(): Promise<Transport> {
  loading ??= import("./undici-transport.js").then((m) => {
    undici = m.undiciTransport();
    return undici;
  });
  return loading;
}

const lazyUndici: Transport = (request) => (undici ? undici(request) : load().then((t) => t(request)));

/**
 * The transport used on Node when no `fetch` is supplied: undici `request` on a shared keep-alive
 * agent. undici is imported on the first request, so importing a vendor package stays cheap.
 */
export const defaultTransport: Transport = /* @__PURE__ */ setAbortControllerFactory(
  lazyUndici,
  () => new LightAbortController(),
);
