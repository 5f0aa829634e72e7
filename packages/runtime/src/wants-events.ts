import type { ClientOptions } from "./types.js";

/** True when the client has a hook or a logger: events are built (and `request-hooks` loaded) only then. */
export function wantsEvents(options: Readonly<ClientOptions>): boolean {
  return Boolean(options.hooks?.onRequest || options.hooks?.onResponse || options.logger);
}
