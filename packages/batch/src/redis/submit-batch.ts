import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Job, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { BatchError } from "../batch-errors.js";
import type { BatchOptions } from "../batch-options.js";
import { ProgressTracker } from "../batch-progress.js";
import type { BatchClient } from "../batch-source.js";
import { toJobError } from "../job-error.js";
import type { JobResult } from "../job-result.js";
import type { JobSpec } from "../job-spec.js";
import type { BatchSummary } from "../run-batch.js";
import { summarize } from "../run-batch.js";
import { limitFor } from "../vendor-limits.js";
import { writeResults } from "../write-results.js";
import {
  type BatchJobData,
  type BatchJobReturn,
  batchId,
  createClaimKey,
  jobId,
  queueName,
} from "./batch-job-data.js";
import { connectRedis } from "./connect-redis.js";

/** Options of {@link submitBatch}. */
export interface SubmitBatchOptions extends BatchOptions {
  redisUrl: string;
  /** Batch name (default: derived from the jobs, so a rerun of the same file is the same batch). */
  name?: string;
  /** Return after queuing, without following (workers run the batch; rerun to collect). */
  detach?: boolean;
}

/**
 * Queues a batch on BullMQ (one queue per vendor, idempotent job ids: a rerun adds nothing that is
 * queued already, retries only jobs that failed before anything was created), then follows it
 * until every job has finished, downloads results here and writes the results file.
 */
export async function submitBatch(options: SubmitBatchOptions): Promise<BatchSummary> {
  const redis = await connectRedis(options.redisUrl);
  const batch = batchId(
    options.jobs.map((j) => `${j.key}=${j.fingerprint}`),
    options.name,
  );
  const vendors = [...new Set(options.jobs.map((j) => j.vendor))];
  const queues = new Map(
    vendors.map((v) => [v, new Queue<BatchJobData, BatchJobReturn>(queueName(v), { connection: redis })]),
  );
  try {
    for (const [vendor, queue] of queues) {
      const limit = limitFor(vendor, options.limits ?? {});
      await queue.setGlobalConcurrency(limit.concurrency);
      if (limit.createsPerSecond !== undefined) {
        const perSecond = limit.createsPerSecond;
        await queue.setGlobalRateLimit(Math.max(1, Math.floor(perSecond)), 1000 / Math.min(1, perSecond));
      } else await queue.removeGlobalRateLimit();
    }
    await enqueue(options, batch, queues, redis);
    if (options.detach) return summarize([], 0, false);
    return await follow(options, batch, queues);
  } finally {
    await Promise.all([...queues.values()].map((q) => q.close()));
    redis.disconnect();
  }
}

async function enqueue(
  options: SubmitBatchOptions,
  batch: string,
  queues: Map<string, Queue<BatchJobData, BatchJobReturn>>,
  redis: Redis,
): Promise<void> {
  for (const job of options.jobs) {
    const queue = queues.get(job.vendor) as Queue<BatchJobData, BatchJobReturn>;
    const id = jobId(batch, job.key);
    const existing = await queue.getJob(id);
    if (existing) {
      const error = existing.data.error;
      const again =
        error?.created === false || (options.retryAmbiguous && error?.kind === "ambiguous_submission");
      if (existing.failedReason !== undefined && existing.finishedOn && again) {
        await redis.del(createClaimKey(id));
        const { error: _dropped, ...data } = existing.data;
        await existing.updateData(data);
        await existing.retry("failed");
      }
      continue;
    }
    const data: BatchJobData = {
      batch,
      key: job.key,
      line: job.line,
      vendor: job.vendor,
      operation: job.operation,
      input: job.input,
      fp: job.fingerprint,
      ...(job.cost === undefined ? {} : { cost: job.cost }),
      ...(options.budget === undefined ? {} : { budget: options.budget }),
    };
    await queue.add(job.key, data, { jobId: id, attempts: 1, removeOnComplete: false, removeOnFail: false });
  }
}

async function follow(
  options: SubmitBatchOptions,
  batch: string,
  queues: Map<string, Queue<BatchJobData, BatchJobReturn>>,
): Promise<BatchSummary> {
  const tracker = new ProgressTracker(options.jobs.length);
  const results = new Map<string, JobResult>();
  const clients = new Map<string, BatchClient>();
  const pollMs = options.pollMs ?? 500;
  let fatal: Error | undefined;
  while (results.size < options.jobs.length && !options.signal?.aborted) {
    let running = 0;
    for (const spec of options.jobs) {
      if (results.has(spec.key)) continue;
      const queue = queues.get(spec.vendor) as Queue<BatchJobData, BatchJobReturn>;
      const job = await Job.fromId<BatchJobData, BatchJobReturn>(queue, jobId(batch, spec.key));
      if (!job)
        throw new BatchError(
          "queue",
          `Job ${spec.key} vanished from the queue ${queue.name} (removed by hand?)`,
        );
      if (!job.finishedOn) {
        if (job.processedOn) running++;
        continue;
      }
      const result = await finished(options, spec, job, clients).catch((error: Error) => {
        fatal ??= error;
        return undefined;
      });
      if (!result) continue;
      results.set(spec.key, result);
      tracker.finished(result.status === "succeeded");
    }
    tracker.counts.running = running;
    options.onProgress?.(tracker.snapshot());
    if (fatal) break;
    if (results.size < options.jobs.length) await sleep(pollMs, options.signal);
  }
  const all = options.jobs.map(
    (spec): JobResult =>
      results.get(spec.key) ?? {
        id: spec.key,
        line: spec.line,
        vendor: spec.vendor,
        operation: spec.operation,
        status: "pending",
      },
  );
  await writeResults(options.resultsPath, all);
  if (fatal) throw fatal;
  return summarize(all, 0, options.signal?.aborted === true);
}

async function finished(
  options: SubmitBatchOptions,
  spec: JobSpec,
  job: Job<BatchJobData, BatchJobReturn>,
  clients: Map<string, BatchClient>,
): Promise<JobResult> {
  const base: JobResult = {
    id: spec.key,
    line: spec.line,
    vendor: spec.vendor,
    operation: spec.operation,
    status: "failed",
  };
  if (job.data.handle) base.handle = job.data.handle;
  if (job.failedReason !== undefined && job.returnvalue == null) {
    const error = job.data.error ?? {
      kind: "worker",
      message: job.failedReason,
      created: "unknown" as const,
    };
    return { ...base, error };
  }
  const { result, urls } = job.returnvalue;
  const files: string[] = [];
  if (options.downloadDir && urls.length > 0) {
    const dir = join(options.downloadDir, spec.key);
    const present = await readdir(dir).catch(() => [] as string[]);
    if (present.length > 0) files.push(...present.map((f) => join(dir, f)));
    else {
      const client =
        clients.get(spec.vendor) ?? (await options.source.open(spec.vendor, options.env ?? process.env));
      clients.set(spec.vendor, client);
      await rm(dir, { recursive: true, force: true });
      try {
        for (const url of urls) files.push((await client.download(url, dir)).path);
      } catch (error) {
        const e = toJobError(error, "waiting");
        return { ...base, urls, result, error: { ...e, kind: `download_${e.kind}` } };
      }
    }
  }
  return { ...base, status: "succeeded", urls, files, result };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
