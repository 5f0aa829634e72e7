import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { BatchError, BatchValidationError, type LineProblem } from "./batch-errors.js";
import type { BatchSource } from "./batch-source.js";
import type { JobSpec } from "./job-spec.js";

/** Limits of a jobs file (each has a default; exceeding one is a validation error). */
export interface JobsLimits {
  /** Jobs per file (default 100,000). */
  maxJobs?: number;
  /** Bytes per line (default 1 MiB). */
  maxLineBytes?: number;
}

const KEY = /^[A-Za-z0-9._:-]{1,128}$/;
const FIELDS = ["id", "vendor", "operation", "model", "input"];

/**
 * Reads and validates a JOBS.jsonl file: each non-empty line is `{"vendor", "operation", "input",
 * "id"?}`. Every line is checked with the vendor package's own validation before anything is
 * sent; all bad lines are reported at once (`BatchValidationError`, with line numbers).
 */
export async function readJobs(
  file: string,
  source: BatchSource,
  limits: JobsLimits = {},
): Promise<JobSpec[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BatchError("invalid_request", `Cannot read the jobs file ${file}: ${(error as Error).message}`);
  }
  return parseJobs(file, text, source, limits);
}

/** `readJobs` on text already read. */
export async function parseJobs(
  file: string,
  text: string,
  source: BatchSource,
  limits: JobsLimits = {},
): Promise<JobSpec[]> {
  const maxJobs = limits.maxJobs ?? 100_000;
  const maxLineBytes = limits.maxLineBytes ?? 1024 * 1024;
  const problems: LineProblem[] = [];
  const jobs: JobSpec[] = [];
  const seen = new Map<string, number>();
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    if (raw.trim() === "") continue;
    if (jobs.length + problems.length >= maxJobs) {
      problems.push({ line, message: `more than ${maxJobs} jobs (the limit per file); split the file` });
      break;
    }
    const job = await parseLine(raw, line, source, maxLineBytes).catch((error: unknown) => {
      problems.push({ line, message: describe(error) });
      return undefined;
    });
    if (!job) continue;
    const earlier = seen.get(job.key);
    if (earlier !== undefined) {
      problems.push({
        line,
        message: `id: "${job.key}" is already used on line ${earlier} (ids must be unique)`,
      });
      continue;
    }
    seen.set(job.key, line);
    jobs.push(job);
  }
  if (problems.length > 0) throw new BatchValidationError(file, problems);
  if (jobs.length === 0) throw new BatchValidationError(file, [{ line: 1, message: "the file has no jobs" }]);
  return jobs;
}

async function parseLine(raw: string, line: number, source: BatchSource, maxBytes: number): Promise<JobSpec> {
  if (Buffer.byteLength(raw) > maxBytes) throw new Error(`line is longer than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error('must be a JSON object {"vendor", "operation", "input"}');
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !FIELDS.includes(k));
  if (unknown.length > 0) throw new Error(`${unknown[0]}: unknown field (allowed: ${FIELDS.join(", ")})`);
  for (const field of ["vendor", "operation"] as const) {
    if (typeof record[field] !== "string" || record[field] === "")
      throw new Error(`${field}: required string`);
  }
  if (record.id !== undefined && (typeof record.id !== "string" || !KEY.test(record.id)))
    throw new Error("id: must be 1-128 characters of A-Z a-z 0-9 . _ : -");
  let input = record.input ?? {};
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new Error("input: must be an object");
  if (record.model !== undefined) input = withModel(input as Record<string, unknown>, record.model);
  const vendor = (record.vendor as string).toLowerCase();
  if (!source.vendors().includes(vendor))
    throw new Error(`vendor: unknown vendor "${record.vendor}" (known: ${source.vendors().join(", ")})`);
  const operation = await source.validate(vendor, record.operation as string, input);
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([vendor, operation, input]))
    .digest("hex")
    .slice(0, 16);
  const cost = await source.cost?.(vendor, operation, input);
  return {
    key: typeof record.id === "string" ? record.id : `line-${line}`,
    line,
    vendor,
    operation,
    input,
    fingerprint,
    ...(cost === undefined ? {} : { cost }),
  };
}

/** The top-level `"model"` shorthand: the same as `input.model` (both given must agree). */
function withModel(input: Record<string, unknown>, model: unknown): Record<string, unknown> {
  if (typeof model !== "string" || model === "") throw new Error("model: must be a non-empty string");
  if (input.model !== undefined && input.model !== model)
    throw new Error(`model: "${model}" differs from input.model "${String(input.model)}"; give one`);
  return { ...input, model };
}

function describe(error: unknown): string {
  const issues = (error as { issues?: Array<{ field: string; rule: string; message: string }> }).issues;
  if (Array.isArray(issues) && issues.length > 0)
    return issues.map((i) => `input.${i.field || "(root)"}: ${i.message} (${i.rule})`).join("; ");
  return error instanceof Error ? error.message.split("\n")[0]! : String(error);
}
