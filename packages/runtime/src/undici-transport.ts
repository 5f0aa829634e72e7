import type { Dispatcher } from "undici";
import { setAbortControllerFactory } from "./abort-controller-factory.js";
import { LightAbortController } from "./light-abort-controller.js";
import type { Transport } from "./types.js";
import { undiciRequestTransport } from "./undici-request-transport.js";

export { agentFromEnv } from "./agent-from-env.js";
export { sharedAgent } from "./undici-request-transport.js";

/**
 * A `Transport` over undici's `request` (Node only): keep-alive connections from `dispatcher`
 * (default: the shared agent). 3xx come back as-is: pass no dispatcher with a redirect interceptor.
 */
export function undiciTransport(dispatcher?: Dispatcher): Transport {
  // undici reads only `aborted`, `reason` and one abort listener: no EventTarget needed per call.
  return setAbortControllerFactory(undiciRequestTransport(dispatcher), () => new LightAbortController());
}
