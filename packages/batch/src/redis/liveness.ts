import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Redis } from "ioredis";

/** A worker process's heartbeat in Redis, so other workers can tell a dead holder from a slow one. */
export interface Liveness {
  token: string;
  beatMs: number;
  isAlive(token: string): Promise<boolean>;
  stop(): Promise<void>;
}

const aliveKey = (token: string) => `gen-batch:alive:${token}`;

/** Starts beating every `beatMs`; the key expires after three missed beats. */
export async function startLiveness(redis: Redis, beatMs: number): Promise<Liveness> {
  const token = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const beat = () => redis.set(aliveKey(token), "1", "PX", beatMs * 3);
  await beat();
  const timer = setInterval(() => void beat().catch(() => undefined), beatMs);
  timer.unref();
  return {
    token,
    beatMs,
    isAlive: async (other) => (await redis.exists(aliveKey(other))) === 1,
    async stop() {
      clearInterval(timer);
      await redis.del(aliveKey(token)).catch(() => undefined);
    },
  };
}
