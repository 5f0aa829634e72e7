import type { WaitOptions } from "@gen/runtime";
import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { BatchClient, BatchSource } from "../batch-source.js";
import { ambiguousJobError, type JobError, toJobError } from "../job-error.js";
import {
  type BatchJobData,
  type BatchJobReturn,
  createClaimKey,
  queueName,
  spentKey,
} from "./batch-job-data.js";
import { claimCreate } from "./claim-create.js";
import { connectRedis } from "./connect-redis.js";
import { type Liveness, startLiveness } from "./liveness.js";

/** Options of {@link startWorker}. */
export interface WorkerOptions {
  redisUrl: string;
  source: BatchSource;
  env?: Readonly<Record<string, string | undefined>>;
  /** Vendors to serve (default: every vendor of the source). */
  vendors?: readonly string[];
  /** Jobs in flight per vendor in this process (default 50; the batch's global limit applies on top). */
  concurrency?: number;
  /** Lock of a running job, ms (default 30 s): a dead worker's jobs resume elsewhere after about this long. */
  lockMs?: number;
  /** Fixed poll interval, ms (default: the vendor's schedule). */
  pollMs?: number;
  /** Told about each job's start and end (`created`, `resumed`, `completed`, `failed`). */
  onEvent?: (event: { type: string; vendor: string; key: string; taskId?: string }) => void;
}

/** A running worker process's queues. */
export interface BatchWorker {
  close(force?: boolean): Promise<void>;
}

// Refuses the create when it would pass the budget; else adds the cost. Returns 1 when allowed.
const SPEND = `local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
if spent + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBYFLOAT', KEYS[1], ARGV[1]) return 1`;

/**
 * Serves the vendors' batch queues. Per job: a job that carries a handle resumes the wait; else
 * the worker claims the job's create in Redis (SET NX: at most one create per job, even if BullMQ
 * hands a stalled job to a second worker), sends it, writes the handle into the job, then waits.
 * A job whose create was claimed but has no handle fails as `ambiguous_submission`.
 */
export async function startWorker(options: WorkerOptions): Promise<BatchWorker> {
  const redis = await connectRedis(options.redisUrl);
  const env = options.env ?? process.env;
  const clients = new Map<string, Promise<BatchClient>>();
  const clientFor = (vendor: string) => {
    const client = clients.get(vendor) ?? options.source.open(vendor, env);
    clients.set(vendor, client);
    return client;
  };
  const lockDuration = options.lockMs ?? 30_000;
  const liveness = await startLiveness(redis, Math.max(250, Math.floor(lockDuration / 6)));
  const waitOptions: WaitOptions =
    options.pollMs === undefined ? {} : { minDelayMs: options.pollMs, maxDelayMs: options.pollMs };
  const connections: Redis[] = [];
  const workers = (options.vendors ?? options.source.vendors()).map(
    (vendor) =>
      new Worker<BatchJobData, BatchJobReturn>(
        queueName(vendor),
        (job) => processJob(job, redis, liveness, clientFor, waitOptions, options.onEvent),
        {
          connection: own(connections, redis.duplicate()),
          concurrency: options.concurrency ?? 50,
          lockDuration,
          stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
          // A stalled job has a handle or a claim: retrying it never creates twice.
          maxStalledCount: 1_000,
        },
      ),
  );
  for (const worker of workers) worker.on("error", () => undefined);
  return {
    async close(force = false) {
      await Promise.all(workers.map((w) => w.close(force)));
      await liveness.stop();
      // BullMQ leaves connections it was given open: close them, or the process would not exit.
      for (const connection of connections) connection.disconnect();
      redis.disconnect();
    },
  };
}

function own(list: Redis[], connection: Redis): Redis {
  connection.on("error", () => undefined);
  list.push(connection);
  return connection;
}

async function processJob(
  job: Job<BatchJobData, BatchJobReturn>,
  redis: Redis,
  liveness: Liveness,
  clientFor: (vendor: string) => Promise<BatchClient>,
  waitOptions: WaitOptions,
  onEvent: WorkerOptions["onEvent"],
): Promise<BatchJobReturn> {
  const data = job.data;
  const event = (type: string, taskId?: string) =>
    onEvent?.({ type, vendor: data.vendor, key: data.key, ...(taskId ? { taskId } : {}) });
  const failWith = async (error: JobError): Promise<never> => {
    if (error.created === false) await redis.del(createClaimKey(job.id as string));
    await job.updateData({ ...job.data, error });
    event("failed");
    throw new UnrecoverableError(`${error.kind}: ${error.message}`);
  };
  const client = await clientFor(data.vendor);
  try {
    client.checkCredentials();
  } catch (error) {
    return failWith(toJobError(error, "creating"));
  }
  let handle = data.handle;
  if (!handle) {
    const claimed = await claimCreate(job, redis, liveness);
    if (claimed.kind === "ambiguous") return failWith(ambiguousJobError(data.vendor));
    if (claimed.kind === "settled") return settle(claimed.data);
    if (claimed.kind === "resume") handle = claimed.handle;
  }
  if (!handle) {
    if (data.cost !== undefined && data.budget !== undefined) {
      const allowed = await redis.eval(SPEND, 1, spentKey(data.batch), data.cost, data.budget);
      if (allowed !== 1) return failWith(budgetError(data));
    }
    let outcome: Awaited<ReturnType<BatchClient["create"]>>;
    event("creating");
    try {
      outcome = await client.create(data.operation, data.input);
    } catch (error) {
      const jobError = toJobError(error, "creating");
      if (jobError.created === false && data.cost !== undefined && data.budget !== undefined)
        await redis.incrbyfloat(spentKey(data.batch), -data.cost);
      return failWith(jobError);
    }
    if (!("handle" in outcome)) {
      const done = { result: outcome.result, urls: client.resultUrls(data.operation, outcome.result) };
      await job.updateData({ ...data, done });
      event("completed");
      return done;
    }
    handle = outcome.handle;
    await job.updateData({ ...data, handle });
    event("created", handle.taskId);
  } else {
    event("resumed", handle.taskId);
  }
  let result: unknown;
  try {
    result = await client.resume(handle).wait(waitOptions);
  } catch (error) {
    return failWith(toJobError(error, "waiting"));
  }
  const done = { result, urls: client.resultUrls(data.operation, result) };
  await job.updateData({ ...job.data, handle, done });
  event("completed", handle.taskId);
  return done;

  /** Another worker finished the job while this one held it (a false stall): the same outcome. */
  async function settle(settled: BatchJobData): Promise<BatchJobReturn> {
    if (settled.done) return settled.done;
    await job.updateData(settled);
    throw new UnrecoverableError(`${settled.error?.kind}: ${settled.error?.message}`);
  }
}

function budgetError(data: BatchJobData): JobError {
  return {
    kind: "budget_exhausted",
    vendor: data.vendor,
    created: false,
    message: `Credit budget of ${data.budget} reached; this job (cost ${data.cost}) was not created. Rerun with a larger --budget to create it.`,
  };
}
