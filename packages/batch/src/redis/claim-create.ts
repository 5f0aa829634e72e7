import type { TaskHandle } from "@gen/runtime";
import type { Job } from "bullmq";
import type { Redis } from "ioredis";
import { type BatchJobData, type BatchJobReturn, createClaimKey } from "./batch-job-data.js";
import type { Liveness } from "./liveness.js";

/** A create claim outlives any retry of its job (30 days). */
const CLAIM_TTL_S = 30 * 24 * 3600;

export type Claim =
  | { kind: "claimed" }
  | { kind: "resume"; handle: TaskHandle }
  | { kind: "settled"; data: BatchJobData }
  | { kind: "ambiguous" };

/**
 * Takes the right to send a job's create (SET NX, at most one create per job ever). When another
 * worker holds it, BullMQ handed this worker a job that only looked stalled (a worker paused
 * past its lock) or whose worker died: while the holder is alive this waits for what it writes
 * into the job (handle, result or error); once the holder is gone, a job without a handle is
 * ambiguous (the create may have reached the vendor).
 */
export async function claimCreate(
  job: Job<BatchJobData, BatchJobReturn>,
  redis: Redis,
  liveness: Liveness,
): Promise<Claim> {
  const key = createClaimKey(job.id as string);
  for (;;) {
    const claimed = await redis.set(key, liveness.token, "EX", CLAIM_TTL_S, "NX");
    if (claimed === "OK") return { kind: "claimed" };
    const holder = await redis.get(key);
    if (holder === null) continue; // released (the create was refused): claim again
    const holderAlive = holder !== liveness.token && (await liveness.isAlive(holder));
    const fresh = (await redis.hget(`${job.queueQualifiedName}:${job.id}`, "data")) ?? "{}";
    const data = JSON.parse(fresh) as BatchJobData;
    if (data.done || data.error) return { kind: "settled", data };
    if (data.handle) return { kind: "resume", handle: data.handle };
    if (!holderAlive) return { kind: "ambiguous" };
    await new Promise((resolve) => setTimeout(resolve, liveness.beatMs));
  }
}
