import { resolve } from "node:path";
import { CliError, usageError } from "../cli-error.js";
import type { CliIo } from "../cli-io.js";
import { EXIT } from "../exit-codes.js";
import { operationsOf } from "../find-operation.js";
import { announceTask, followTask, urlPathsFor } from "../follow-task.js";
import { defaultHandlePath, type HandleFile, readHandleFile, writeHandleFile } from "../handle-file.js";
import { baseUrlFor, isLoopbackUrl, openClient, requireVendor } from "../open-vendor.js";
import { boolFlag, parseCommandArgs, pollMsFlag, secondsFlag, stringFlag } from "../parse-command-args.js";
import { CONNECTION_FLAGS, connectionFlags } from "./connection-flags.js";

/** `gen wait HANDLE.json` or `gen wait VENDOR TASK_ID`: resume waiting for a task. */
export async function waitCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("wait", args, {
    download: { type: "string", short: "d" },
    timeout: { type: "string" },
    "poll-ms": { type: "string" },
    json: { type: "boolean" },
    ...CONNECTION_FLAGS,
  });
  const timeoutMs = secondsFlag(parsed, "timeout");
  const pollMs = pollMsFlag(parsed);
  const [first, second, ...extra] = parsed.positionals;
  if (!first) throw usageError("gen wait needs a HANDLE.json file, or a VENDOR and a TASK_ID");
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}"`);

  let stored: HandleFile;
  let handlePath: string;
  if (second === undefined) {
    stored = await readHandleFile(io.cwd, first);
    handlePath = resolve(io.cwd, first);
  } else {
    stored = {
      vendor: first.toLowerCase(),
      operation: "",
      taskId: second,
      createdAt: new Date().toISOString(),
    };
    handlePath = defaultHandlePath(io.cwd, stored);
  }
  const vendor = await requireVendor(io.cwd, stored.vendor);
  const flags = connectionFlags(parsed);
  const fallback = flags.baseUrl === undefined ? trustedStoredBaseUrl(stored, handlePath, io) : undefined;
  const baseUrl = baseUrlFor(vendor.entry.id, io, flags.baseUrl, fallback);
  const client = openClient(vendor, io, { ...flags, baseUrl });
  const task = client.resume(second === undefined ? pickHandle(stored) : second);
  const handle: HandleFile = { ...stored, ...task.handle, ...(baseUrl === undefined ? {} : { baseUrl }) };
  if (second !== undefined) await writeHandleFile(handlePath, handle);

  const json = boolFlag(parsed, "json");
  const downloadDir = stringFlag(parsed, "download");
  const delivery = {
    io,
    json,
    client,
    downloadDir: downloadDir && resolve(io.cwd, downloadDir),
    urlPaths: urlPathsFor(
      client,
      operationsOf(vendor).find((op) => op.id === handle.operation),
    ),
  };
  announceTask(delivery, handle, handlePath, true);
  return followTask({
    ...delivery,
    task,
    handle,
    handlePath,
    timeoutMs,
    pollMs,
  });
}

/**
 * A handle file's base URL, unless it names a loopback host: a planted handle must not make
 * `gen wait` send the environment's key to any local port. A loopback base URL needs the user to
 * say so (`--base-url` or `GEN_<VENDOR>_BASE_URL`, which take precedence anyway).
 */
function trustedStoredBaseUrl(stored: HandleFile, handlePath: string, io: CliIo): string | undefined {
  if (stored.baseUrl === undefined || !isLoopbackUrl(stored.baseUrl)) return stored.baseUrl;
  const explicit = io.env[`GEN_${stored.vendor.toUpperCase()}_BASE_URL`];
  if (explicit !== undefined) return undefined;
  throw new CliError(
    EXIT.config,
    `Handle file ${handlePath} names a loopback base URL (${stored.baseUrl}); not used without your say-so`,
    `Pass --base-url ${stored.baseUrl} if you started that simulator yourself.`,
  );
}

function pickHandle(file: HandleFile) {
  return { vendor: file.vendor, operation: file.operation, taskId: file.taskId, createdAt: file.createdAt };
}
