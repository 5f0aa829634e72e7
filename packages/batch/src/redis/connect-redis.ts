import { Redis } from "ioredis";
import { BatchError } from "../batch-errors.js";

/**
 * Connects to Redis and checks it answers; an unreachable server is a `BatchError` naming the URL
 * (password hidden) and how to start one, instead of ioredis's endless reconnect loop.
 * The returned connection reconnects on its own afterwards (BullMQ needs `maxRetriesPerRequest: null`).
 */
export async function connectRedis(url: string, connectTimeoutMs = 5000): Promise<Redis> {
  const shown = hidePassword(url);
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: connectTimeoutMs,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new BatchError(
      "redis_unreachable",
      `Cannot reach Redis at ${shown}: ${(error as Error).message}. Start one (\`redis-server --port 6379\`) or pass --redis URL; nothing was queued or sent.`,
      { cause: error },
    );
  } finally {
    probe.disconnect();
  }
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  redis.on("error", () => undefined);
  return redis;
}

/** `redis://user:secret@host` -> `redis://user:***@host`. */
export function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable Redis URL)";
  }
}
