import type { OperationDefinition, Task } from "@gen/runtime";
import { isGenError } from "@gen/runtime";
import { type CliIo, printJson, println } from "./cli-io.js";
import { EXIT } from "./exit-codes.js";
import { type HandleFile, writeHandleFile } from "./handle-file.js";
import { createProgressReporter } from "./progress-reporter.js";
import { resultUrls } from "./result-urls.js";
import type { GeneratedClient } from "./vendors.js";

/** How a result is delivered: JSON lines or text, and where files go. */
export interface DeliveryOptions {
  io: CliIo;
  json: boolean;
  client: GeneratedClient;
  downloadDir?: string | undefined;
  /** The result's downloadable URL paths (operation's, else the vendor's task protocol's). */
  urlPaths?: readonly string[] | undefined;
}

/** An operation's result URL paths, else the vendor's. */
export function urlPathsFor(
  client: GeneratedClient,
  operation?: OperationDefinition,
): readonly string[] | undefined {
  const own = (operation?.task as { resultUrlPaths?: readonly string[] } | undefined)?.resultUrlPaths;
  return own ?? client.runtime.vendor.task?.resultUrlPaths;
}

/** Tells the user where the handle is (stdout), before any waiting. */
export function announceTask(
  options: DeliveryOptions,
  handle: HandleFile,
  handlePath: string,
  wait: boolean,
): void {
  const { io } = options;
  if (options.json) {
    printJson(io.stdout, { type: "task", ...handle, handleFile: handlePath });
    return;
  }
  println(io.stdout, `task: ${handle.vendor} ${handle.taskId} (${handle.operation})`);
  println(io.stdout, `handle: ${handlePath}`);
  if (!wait) println(io.stdout, `resume: gen wait ${handlePath}`);
}

/**
 * Waits for a task with a progress display, records the outcome in the handle file and delivers
 * the result. Ctrl-C stops waiting (the task keeps running at the vendor) and exits 130.
 */
export async function followTask(
  options: DeliveryOptions & {
    task: Task;
    handle: HandleFile;
    handlePath: string;
    timeoutMs?: number | undefined;
    /** Fixed delay between polls, ms (default: the vendor's adaptive schedule). */
    pollMs?: number | undefined;
  },
): Promise<number> {
  const { io, task, handlePath } = options;
  const controller = new AbortController();
  const removeInterrupt = io.onInterrupt(() => controller.abort());
  const reporter = createProgressReporter({ json: options.json, stdout: io.stdout, stderr: io.stderr });
  let result: unknown;
  try {
    result = await task.wait({
      signal: controller.signal,
      onProgress: (event) => reporter.update(event),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.pollMs === undefined ? {} : { minDelayMs: options.pollMs, maxDelayMs: options.pollMs }),
    });
  } catch (error) {
    reporter.done(false);
    if (controller.signal.aborted) {
      if (options.json) printJson(io.stdout, { type: "interrupted", handleFile: handlePath });
      println(
        io.stderr,
        `Interrupted. The task keeps running at the vendor; resume with: gen wait ${handlePath}`,
      );
      return EXIT.interrupted;
    }
    if (isGenError(error) && (error.kind === "task_failed" || error.kind === "task_cancelled")) {
      await writeHandleFile(handlePath, { ...options.handle, state: error.kind, result: error.message });
    }
    throw error;
  } finally {
    removeInterrupt();
  }
  reporter.done(true);
  // Record the paid-for result first: a failed download (unwritable folder, full disk) keeps it.
  await writeHandleFile(handlePath, { ...options.handle, state: "succeeded", result });
  const files = await deliverResult(options, result);
  await writeHandleFile(handlePath, { ...options.handle, state: "succeeded", result, files });
  return EXIT.ok;
}

/** Prints the result's URLs, downloads them when asked, prints the paths; returns the paths. */
export async function deliverResult(
  options: DeliveryOptions,
  result: unknown,
  showResult = false,
): Promise<string[]> {
  const { io, client } = options;
  const urls = resultUrls(result, options.urlPaths);
  const files = [];
  if (options.downloadDir !== undefined) {
    for (const url of urls) files.push(await client.runtime.download(url, options.downloadDir));
  }
  if (options.json) {
    printJson(io.stdout, { type: "result", result, urls, files });
  } else {
    if (showResult || urls.length === 0) println(io.stdout, JSON.stringify(result, null, 2));
    for (const url of urls) println(io.stdout, `url: ${url}`);
    for (const file of files) println(io.stdout, `file: ${file.path}`);
  }
  return files.map((f) => f.path);
}
