import type { AuthDefinition } from "@gen/runtime";
import type { Simulator } from "@gen/simulator";

/** Env lines a subprocess needs to reach a simulator: its credentials under the vendor's variable names. */
export function simEnv(sim: Simulator, auth: AuthDefinition): Record<string, string> {
  const credentials =
    auth.type === "none" ? [] : auth.type === "basic" ? [auth.key, auth.secret] : [auth.credential];
  const env: Record<string, string> = {};
  for (const c of credentials) {
    const value = sim.credentials[c.option];
    if (value !== undefined && c.env[0]) env[c.env[0]] = value;
  }
  return env;
}

/** Queues faults through the simulator's HTTP control API (as a user would from a shell). */
export async function postFaults(sim: Simulator, faults: unknown): Promise<void> {
  const res = await fetch(`${sim.origin}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!res.ok) throw new Error(`POST /__sim/faults: ${res.status} ${await res.text()}`);
}
