import { basename, dirname, join, resolve } from "node:path";
import type { BatchSummary } from "@gen/batch";
import { batchDisplay } from "../batch-display.js";
import { batchErrorExit } from "../batch-error-exit.js";
import { parseBudget, parseLimits } from "../batch-flags.js";
import { cliBatchSource } from "../batch-source.js";
import { usageError } from "../cli-error.js";
import { type CliIo, printJson, println } from "../cli-io.js";
import { EXIT } from "../exit-codes.js";
import {
  boolFlag,
  listFlag,
  parseCommandArgs,
  pollMsFlag,
  secondsFlag,
  stringFlag,
} from "../parse-command-args.js";

/**
 * `gen batch JOBS.jsonl [--results FILE] [--download DIR] [--concurrency N|VENDOR=N] [--rate ...]
 * [--budget N] [--redis URL] ...`: validates every line, then runs the jobs here (journal) or on
 * `gen worker`s over Redis; rerunning resumes.
 */
export async function batchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("batch", args, {
    results: { type: "string", short: "o" },
    journal: { type: "string" },
    download: { type: "string", short: "d" },
    concurrency: { type: "string", short: "c", multiple: true },
    rate: { type: "string", multiple: true },
    budget: { type: "string" },
    "retry-ambiguous": { type: "boolean" },
    redis: { type: "string" },
    name: { type: "string" },
    detach: { type: "boolean" },
    timeout: { type: "string" },
    "poll-ms": { type: "string" },
    json: { type: "boolean" },
  });
  const [file, ...extra] = parsed.positionals;
  if (!file)
    throw usageError("gen batch needs a JOBS.jsonl file", "Example: gen batch jobs.jsonl --download out/");
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}"`);
  const jobsPath = resolve(io.cwd, file);
  const resultsPath = resolve(
    io.cwd,
    stringFlag(parsed, "results") ??
      join(dirname(jobsPath), `${basename(jobsPath).replace(/\.jsonl?$/i, "")}.results.jsonl`),
  );
  const journal = stringFlag(parsed, "journal");
  const download = stringFlag(parsed, "download");
  const redis = stringFlag(parsed, "redis") ?? io.env.GEN_REDIS_URL;
  const json = boolFlag(parsed, "json");
  const limits = parseLimits(listFlag(parsed, "concurrency"), listFlag(parsed, "rate"));
  const budget = parseBudget(stringFlag(parsed, "budget"));
  const pollMs = pollMsFlag(parsed);
  const timeoutMs = secondsFlag(parsed, "timeout");
  if (journal && redis)
    throw usageError("--journal is for the embedded mode; with --redis the queue holds the state");

  const batch = await import("@gen/batch");
  const source = await cliBatchSource(io);
  const controller = new AbortController();
  const removeInterrupt = io.onInterrupt(() => controller.abort());
  const display = batchDisplay(io.stderr, batch.formatProgress);
  let summary: BatchSummary;
  try {
    const jobs = await batch.readJobs(jobsPath, source);
    const common = {
      jobs,
      source,
      resultsPath,
      env: io.env,
      limits,
      signal: controller.signal,
      onProgress: display.update,
      retryAmbiguous: boolFlag(parsed, "retry-ambiguous"),
      ...(download === undefined ? {} : { downloadDir: resolve(io.cwd, download) }),
      ...(budget === undefined ? {} : { budget }),
      ...(pollMs === undefined ? {} : { pollMs }),
    };
    summary = redis
      ? await batch.submitBatch({
          ...common,
          redisUrl: redis,
          detach: boolFlag(parsed, "detach"),
          ...(stringFlag(parsed, "name") ? { name: stringFlag(parsed, "name") as string } : {}),
        })
      : await batch.runBatch({
          ...common,
          onNotice: (line) => println(io.stderr, line),
          ...(journal === undefined ? {} : { journalPath: resolve(io.cwd, journal) }),
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        });
  } catch (error) {
    throw batchErrorExit(error);
  } finally {
    display.end();
    removeInterrupt();
  }
  const counts = { succeeded: summary.succeeded, failed: summary.failed, pending: summary.pending };
  if (json)
    printJson(io.stdout, { type: "batch", resultsFile: resultsPath, ...counts, created: summary.created });
  else {
    println(io.stdout, `${counts.succeeded} succeeded, ${counts.failed} failed, ${counts.pending} pending`);
    println(io.stdout, `results: ${resultsPath}`);
  }
  if (summary.interrupted) {
    println(io.stderr, "Interrupted. Nothing is lost: run the same command again to resume.");
    return EXIT.interrupted;
  }
  if (summary.pending > 0 && boolFlag(parsed, "detach")) return EXIT.ok;
  return counts.failed > 0 || counts.pending > 0 ? EXIT.taskFailed : EXIT.ok;
}
