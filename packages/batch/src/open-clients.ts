import { BatchError } from "./batch-errors.js";
import type { BatchClient, BatchSource } from "./batch-source.js";

/**
 * Opens one client per vendor and checks its credentials before anything is sent; every missing
 * credential is reported at once (`BatchError` of kind `missing_credential`).
 */
export async function openClients(
  source: BatchSource,
  vendors: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<Map<string, BatchClient>> {
  const clients = new Map<string, BatchClient>();
  const missing: string[] = [];
  for (const vendor of vendors) {
    const client = await source.open(vendor, env);
    try {
      client.checkCredentials();
    } catch (error) {
      if ((error as { kind?: string }).kind !== "missing_credential") throw error;
      missing.push(`  ${vendor}: ${(error as Error).message}`);
    }
    clients.set(vendor, client);
  }
  if (missing.length > 0) {
    throw new BatchError(
      "missing_credential",
      `Missing credentials; nothing was sent (jobs stay as they are, rerun once set):\n${missing.join("\n")}`,
    );
  }
  return clients;
}
