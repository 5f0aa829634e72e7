import type { Transport } from "./types.js";

/** A transport that runs `load()` (a dynamic import) on its first request and then the loaded one. */
export function lazyTransport(load: () => Promise<Transport>): Transport {
  let loaded: Transport | undefined;
  let loading: Promise<Transport> | undefined;
  return (request) => {
    if (loaded) return loaded(request);
    loading ??= load().then((t) => (loaded = t));
    return loading.then((t) => t(request));
  };
}
