import { Agent, EnvHttpProxyAgent } from "undici";

/** Keep-alive settings of the runtime's Node agent (with or without a proxy). */
const AGENT_OPTIONS = {
  connections: 32,
  pipelining: 1,
  keepAliveTimeout: 10_000,
  keepAliveMaxTimeout: 60_000,
} as const;

/** Loopback never goes through a proxy: a proxy cannot reach this machine's simulators. */
const LOOPBACK_NO_PROXY = "localhost,127.0.0.1,[::1]";

/**
 * The Node agent for `env`: undici's `EnvHttpProxyAgent` when `HTTPS_PROXY` / `HTTP_PROXY` (or
 * their lower-case forms) is set — honouring `NO_PROXY`, plus loopback — else a plain keep-alive
 * `Agent`. The runtime checks every URL against the host policy before it reaches the agent, so
 * the policy applies to the real target, never to the proxy (which sees only a CONNECT to it).
 */
export function agentFromEnv(env: Readonly<Record<string, string | undefined>>): Agent | EnvHttpProxyAgent {
  const pick = (name: string) => env[name.toLowerCase()] || env[name] || undefined;
  const httpsProxy = pick("HTTPS_PROXY");
  const httpProxy = pick("HTTP_PROXY");
  if (!httpsProxy && !httpProxy) return new Agent(AGENT_OPTIONS);
  const noProxy = pick("NO_PROXY");
  return new EnvHttpProxyAgent({
    ...AGENT_OPTIONS,
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    noProxy: noProxy ? `${noProxy},${LOOPBACK_NO_PROXY}` : LOOPBACK_NO_PROXY,
  });
}
