import { batchErrorExit } from "../batch-error-exit.js";
import { cliBatchSource } from "../batch-source.js";
import { usageError } from "../cli-error.js";
import { type CliIo, interruption, printJson, println } from "../cli-io.js";
import { EXIT } from "../exit-codes.js";
import { requireVendorEntry } from "../open-vendor.js";
import { boolFlag, listFlag, parseCommandArgs, pollMsFlag, stringFlag } from "../parse-command-args.js";

/** `gen worker --redis URL [--vendor V ...] [--concurrency N] [--lock-ms MS] [--poll-ms MS] [--json]`: runs until Ctrl-C. */
export async function workerCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("worker", args, {
    redis: { type: "string" },
    vendor: { type: "string", multiple: true },
    concurrency: { type: "string", short: "c" },
    "lock-ms": { type: "string" },
    "poll-ms": { type: "string" },
    json: { type: "boolean" },
  });
  if (parsed.positionals.length > 0) throw usageError(`Unexpected argument "${parsed.positionals[0]}"`);
  const redisUrl = stringFlag(parsed, "redis") ?? io.env.GEN_REDIS_URL;
  if (!redisUrl)
    throw usageError(
      "gen worker needs --redis URL (or GEN_REDIS_URL)",
      "Example: gen worker --redis redis://127.0.0.1:6379",
    );
  const vendors = await Promise.all(
    listFlag(parsed, "vendor").map(async (v) => (await requireVendorEntry(io.cwd, v)).id),
  );
  const concurrency = intFlag(stringFlag(parsed, "concurrency"), "--concurrency", 1, 10_000);
  const lockMs = intFlag(stringFlag(parsed, "lock-ms"), "--lock-ms", 1000, 3_600_000);
  const pollMs = pollMsFlag(parsed);
  const json = boolFlag(parsed, "json");
  const { startWorker } = await import("@gen/batch");
  let worker: Awaited<ReturnType<typeof startWorker>>;
  try {
    worker = await startWorker({
      redisUrl,
      source: await cliBatchSource(io),
      env: io.env,
      ...(vendors.length > 0 ? { vendors } : {}),
      ...(concurrency === undefined ? {} : { concurrency }),
      ...(lockMs === undefined ? {} : { lockMs }),
      ...(pollMs === undefined ? {} : { pollMs }),
      onEvent: (event) => {
        if (json)
          printJson(io.stdout, {
            type: "job",
            event: event.type,
            vendor: event.vendor,
            key: event.key,
            taskId: event.taskId,
          });
      },
    });
  } catch (error) {
    throw batchErrorExit(error);
  }
  const interrupted = interruption(io);
  if (json) printJson(io.stdout, { type: "ready", pid: process.pid });
  else
    println(
      io.stdout,
      `worker ${process.pid} ready; press Ctrl-C to stop (running jobs resume on another worker)`,
    );
  await interrupted;
  await worker.close(true);
  return EXIT.ok;
}

function intFlag(raw: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw usageError(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}
