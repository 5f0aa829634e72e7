import type { AuthDefinition, EntryPoint, OperationDefinition } from "@gen/runtime";
import { findCallTarget } from "../call-target.js";
import { usageError } from "../cli-error.js";
import { type CliIo, printJson, println } from "../cli-io.js";
import { discoverVendors } from "../discover-vendors.js";
import { operationsOf } from "../find-operation.js";
import { modelDefaults } from "../model-defaults.js";
import { modelDescriptions } from "../model-descriptions.js";
import { requireVendorEntry } from "../open-vendor.js";
import { describeParameters, inputJsonSchema, type ParameterInfo } from "../operation-parameters.js";
import { boolFlag, parseCommandArgs } from "../parse-command-args.js";
import { loadVendor, type VendorEntry } from "../vendors.js";

/** One operation as `gen list --json` prints it. */
export interface OperationListing {
  id: string;
  name: string;
  aliases: string[];
  kind: "create" | "read";
  task: boolean;
  /** The catalog's description of the operation, when it has one. */
  description?: string;
  parameters: ParameterInfo[];
}

/** One vendor as `gen list --json` prints it. */
export interface VendorListing {
  id: string;
  package: string;
  installed: boolean;
  displayName?: string;
  /** Environment variables holding the credentials (first of each credential's list). */
  credentials: string[];
  operations: OperationListing[];
}

/** `gen list [VENDOR [OPERATION]] [--json]` */
export async function listCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("list", args, { json: { type: "boolean" } });
  const [vendorId, operationName, ...extra] = parsed.positionals;
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}"`);
  let entries: readonly VendorEntry[] = await discoverVendors(io.cwd);
  if (vendorId !== undefined) {
    entries = [await requireVendorEntry(io.cwd, vendorId)];
  }
  const listings = await Promise.all(entries.map((entry) => listVendor(entry, operationName)));
  if (vendorId !== undefined && !listings[0]?.installed) {
    throw usageError(`The vendor package ${entries[0]?.packageName} is not installed (or not generated yet)`);
  }
  if (boolFlag(parsed, "json")) printJson(io.stdout, { vendors: listings });
  else {
    for (const listing of listings) printVendor(io, listing, operationName !== undefined);
    if (operationName === undefined)
      println(io.stdout, "Parameters and other names: gen list VENDOR OPERATION (or --json).");
  }
  return 0;
}

async function listVendor(entry: VendorEntry, operationName?: string): Promise<VendorListing> {
  const loaded = await loadVendor(entry);
  if (!loaded)
    return { id: entry.id, package: entry.packageName, installed: false, credentials: [], operations: [] };
  const client = loaded.create({});
  const entries = loaded.entryPoints.map((e) => listEntryPoint(e, loaded.module));
  const defaults = await modelDefaults(entry);
  const descriptions = await modelDescriptions(entry);
  const listOp = (op: OperationDefinition) => {
    const listing = listOperation(op, loaded.module, defaults.get(op.id));
    const description = descriptions.get(op.id);
    return description ? { ...listing, description } : listing;
  };
  const operations = operationName ? [] : operationsOf(loaded).map(listOp);
  if (operationName) {
    const target = findCallTarget(loaded, operationName);
    const own = entries.find((e) => e.id === target.id);
    if (own) entries.splice(0, entries.length, own);
    else {
      entries.length = 0;
      operations.push(listOp(target.operation as OperationDefinition));
    }
  }
  return {
    id: entry.id,
    package: entry.packageName,
    installed: true,
    displayName: client.runtime.vendor.displayName,
    credentials: credentialEnv(client.runtime.vendor.auth),
    operations: [...entries, ...operations],
  };
}

/** `defaults`: the model's, shown where the input schema has none (the vendor applies them). */
function listOperation(
  op: OperationDefinition,
  module: Record<string, unknown>,
  defaults: Record<string, unknown> = {},
): OperationListing {
  const parameters = describeParameters(inputJsonSchema(op, module));
  for (const p of parameters) {
    if (p.default === undefined && Object.hasOwn(defaults, p.name)) p.default = defaults[p.name];
  }
  return {
    id: op.id,
    name: op.name,
    aliases: [...(op.aliases ?? [])],
    kind: op.kind,
    task: op.task !== undefined,
    parameters,
  };
}

function listEntryPoint(entry: EntryPoint, module: Record<string, unknown>): OperationListing {
  return {
    id: entry.method,
    name: entry.name,
    aliases: [],
    kind: "create",
    task: true,
    parameters: describeParameters(entry.schema(module)),
  };
}

/**
 * Text listing: one line per operation with its description; with `detailed` (one operation
 * asked for) also its other names and every parameter.
 */
function printVendor(io: CliIo, vendor: VendorListing, detailed: boolean): void {
  if (!vendor.installed) {
    println(io.stdout, `${vendor.id}  (${vendor.package} not installed)`);
    println(io.stdout);
    return;
  }
  println(
    io.stdout,
    `${vendor.id}  ${vendor.displayName ?? ""}  ${vendor.package}  ${vendor.operations.length} operation(s)`,
  );
  println(io.stdout, `  credentials: ${vendor.credentials.length ? vendor.credentials.join(", ") : "none"}`);
  for (const op of vendor.operations) {
    const names = [op.name, ...op.aliases].filter((n) => n !== op.id);
    const tags = [op.task ? "task" : "sync", op.kind === "create" ? "paid" : "read"].join(", ");
    if (!detailed) {
      const about = op.description ?? op.name;
      const text = about.length > 70 ? `${about.slice(0, 69).trimEnd()}…` : about;
      println(
        io.stdout,
        `  ${op.id.padEnd(24)} [${tags}]  ${op.name === op.id ? text : `${op.name}: ${text}`}`,
      );
      continue;
    }
    println(io.stdout, `  ${op.id}  [${tags}]${names.length ? `  also: ${names.join(", ")}` : ""}`);
    if (op.description) println(io.stdout, `      ${op.description}`);
    for (const p of op.parameters) println(io.stdout, `      ${p.name}: ${describe(p)}`);
  }
  println(io.stdout);
}

/** `string, required, one of: a|b, max length 1200, default "a"`. */
export function describe(p: ParameterInfo): string {
  const parts = [p.type, p.required ? "required" : "optional"];
  if (p.enum) parts.push(`one of: ${p.enum.map((v) => String(v)).join("|")}`);
  const range = rangeText(p);
  if (range) parts.push(range);
  if (p.default !== undefined) parts.push(`default ${JSON.stringify(p.default)}`);
  const text = parts.join(", ");
  return p.description ? `${text} — ${p.description.replace(/\s+/g, " ").slice(0, 140)}` : text;
}

function rangeText(p: ParameterInfo): string {
  const out: string[] = [];
  const low =
    p.minimum !== undefined
      ? `${p.minimum} <=`
      : p.exclusiveMinimum !== undefined
        ? `${p.exclusiveMinimum} <`
        : "";
  const high =
    p.maximum !== undefined
      ? `<= ${p.maximum}`
      : p.exclusiveMaximum !== undefined
        ? `< ${p.exclusiveMaximum}`
        : "";
  if (low || high) out.push(`range ${[low, "x", high].filter(Boolean).join(" ")}`);
  out.push(...bounds("length", p.minLength, p.maxLength), ...bounds("items", p.minItems, p.maxItems));
  return out.join(", ");
}

function bounds(what: string, min: number | undefined, max: number | undefined): string[] {
  if (min && max !== undefined) return [`${what} ${min}..${max}`];
  if (max !== undefined) return [`max ${what} ${max}`];
  if (min) return [`min ${what} ${min}`];
  return [];
}

function credentialEnv(auth: AuthDefinition): string[] {
  const list =
    auth.type === "none" ? [] : auth.type === "basic" ? [auth.key, auth.secret] : [auth.credential];
  return list.map((c) => c.env.join(" or "));
}
