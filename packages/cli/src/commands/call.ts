import { resolve } from "node:path";
import type { Task } from "@gen/runtime";
import { applySet, buildInput } from "../build-input.js";
import { findCallTarget } from "../call-target.js";
import { usageError } from "../cli-error.js";
import { type CliIo, printJson, println } from "../cli-io.js";
import { announceTask, deliverResult, followTask, urlPathsFor } from "../follow-task.js";
import { defaultHandlePath, type HandleFile, writeHandleFile } from "../handle-file.js";
import { baseUrlFor, openClient, requireVendor } from "../open-vendor.js";
import {
  boolFlag,
  listFlag,
  parseCommandArgs,
  pollMsFlag,
  secondsFlag,
  stringFlag,
} from "../parse-command-args.js";
import { CONNECTION_FLAGS, connectionFlags } from "./connection-flags.js";

/** `gen call VENDOR OPERATION [--input FILE | --set k=v ...] [--wait] [--download DIR] [--json] [--base-url URL]` */
export async function callCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("call", args, {
    input: { type: "string", short: "i" },
    set: { type: "string", short: "s", multiple: true },
    extra: { type: "string", multiple: true },
    wait: { type: "boolean", short: "w" },
    download: { type: "string", short: "d" },
    handle: { type: "string" },
    timeout: { type: "string" },
    "poll-ms": { type: "string" },
    "estimate-cost": { type: "boolean" },
    json: { type: "boolean" },
    ...CONNECTION_FLAGS,
  });
  const [vendorId, operationName, ...extra] = parsed.positionals;
  if (!vendorId || !operationName)
    throw usageError(
      "gen call needs a VENDOR and an OPERATION",
      'Example: gen call mediaio text_to_video --set prompt="a cat" --wait',
    );
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}" (values go in --set key=value)`);
  const json = boolFlag(parsed, "json");
  const downloadDir = stringFlag(parsed, "download");
  const wait = boolFlag(parsed, "wait") || downloadDir !== undefined;
  const timeoutMs = secondsFlag(parsed, "timeout");
  const pollMs = pollMsFlag(parsed);

  const vendor = await requireVendor(io.cwd, vendorId);
  const flags = connectionFlags(parsed);
  const baseUrl = baseUrlFor(vendor.entry.id, io, flags.baseUrl);
  const client = openClient(vendor, io, { ...flags, baseUrl });
  const target = findCallTarget(vendor, operationName);
  const input = await buildInput(io.cwd, stringFlag(parsed, "input"), listFlag(parsed, "set"), target.schema);

  if (boolFlag(parsed, "estimate-cost")) return printCost(io, json, target, client, input, operationName);

  const extraBody: Record<string, unknown> = {};
  for (const assignment of listFlag(parsed, "extra")) applySet(extraBody, assignment, undefined);
  const outcome = await target.invoke(
    client,
    input,
    Object.keys(extraBody).length > 0 ? { extraBody } : undefined,
  );
  const delivery = {
    io,
    json,
    client,
    downloadDir: downloadDir && resolve(io.cwd, downloadDir),
    urlPaths: urlPathsFor(client, target.operation),
  };
  if (!isTask(outcome)) {
    await deliverResult(delivery, outcome, true);
    return 0;
  }
  const handle: HandleFile = { ...outcome.handle, ...(baseUrl === undefined ? {} : { baseUrl }) };
  const handleFlag = stringFlag(parsed, "handle");
  const handlePath = handleFlag ? resolve(io.cwd, handleFlag) : defaultHandlePath(io.cwd, handle);
  await writeHandleFile(handlePath, handle);
  announceTask(delivery, handle, handlePath, wait);
  if (!wait) return 0;
  return followTask({
    ...delivery,
    task: outcome,
    handle,
    handlePath,
    timeoutMs,
    pollMs,
  });
}

/** `--estimate-cost`: prints what the call would cost and creates nothing. */
async function printCost(
  io: CliIo,
  json: boolean,
  target: ReturnType<typeof findCallTarget>,
  client: Parameters<NonNullable<ReturnType<typeof findCallTarget>["estimate"]>>[0],
  input: unknown,
  name: string,
): Promise<number> {
  if (!target.estimate) throw usageError(`${name} has no cost estimate (only IMA's video flows are priced)`);
  const cost = (await target.estimate(client, input)) as {
    points: number;
    model: { name: string; id: string; version: string };
    attributeId: number | string;
    match: string;
  };
  if (json) printJson(io.stdout, { type: "cost", ...cost });
  else {
    println(
      io.stdout,
      `cost: ${cost.points} credits (${cost.model.name}, ${cost.model.id}, version ${cost.model.version})`,
    );
    println(io.stdout, `credit rule: ${cost.attributeId} (${cost.match} match); nothing was created`);
  }
  return 0;
}

/** A task object as generated clients return it for task operations. */
export function isTask(value: unknown): value is Task {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Task).wait === "function" &&
    typeof (value as Task).handle === "object"
  );
}
