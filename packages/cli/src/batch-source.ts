import type { BatchClient, BatchSource } from "@gen/batch";
import type { EntryPoint } from "@gen/runtime";
import {
  applyRules,
  type Credential,
  InvalidRequestError,
  type OperationDefinition,
  resolveCredential,
  type StandardSchemaV1,
  validateInput,
} from "@gen/runtime";
import { findCallTarget } from "./call-target.js";
import type { CliIo } from "./cli-io.js";
import { isTask } from "./commands/call.js";
import { discoverVendors } from "./discover-vendors.js";
import { findEntryPoint } from "./find-entry-point.js";
import { urlPathsFor } from "./follow-task.js";
import { baseUrlFor, openClient, requireVendor } from "./open-vendor.js";
import { resultUrls } from "./result-urls.js";
import type { GeneratedClient, LoadedVendor } from "./vendors.js";

/**
 * The CLI's vendor registry as a batch source: jobs name a vendor and a generated create operation
 * or a hand-written entry point (IMA's video flows), are validated by the vendor package's own
 * schemas, rules and `validate` hooks, and reach the vendor (or its simulator via
 * `GEN_<VENDOR>_BASE_URL` / `_CONNECT_TO`) exactly as `gen call` would.
 */
export async function cliBatchSource(io: CliIo): Promise<BatchSource> {
  const pricing = new Map<string, GeneratedClient>();
  const ids = (await discoverVendors(io.cwd)).map((v) => v.id);
  return {
    vendors: () => ids,
    async validate(vendorId, name, input) {
      const vendor = await requireVendor(io.cwd, vendorId);
      const entry = findEntryPoint(vendor.entryPoints, name);
      if (entry) return validateEntryPoint(vendor, entry, input);
      const operation = await createOperation(vendor, name);
      const schema = typeof operation.input === "function" ? operation.input() : operation.input;
      let value = schema ? await validateInput(schema as StandardSchemaV1, input, vendorId) : input;
      if (operation.rules?.length)
        value = applyRules(value as Record<string, unknown>, operation.rules, vendorId);
      operation.prepare?.(value);
      return operation.id;
    },
    async cost(vendorId, operation, input) {
      const vendor = await requireVendor(io.cwd, vendorId);
      const entry = findEntryPoint(vendor.entryPoints, operation);
      if (!entry) return vendor.cost?.(operation, input);
      if (!entry.estimate) return undefined;
      // A free read (the live product list, cached per client): also refuses unknown models.
      const client = pricing.get(vendorId) ?? openFor(vendor, io, io.env);
      pricing.set(vendorId, client);
      const estimate = (await entry.estimate(client as unknown as Record<string, unknown>, input)) as {
        points?: unknown;
      };
      return typeof estimate?.points === "number" ? estimate.points : undefined;
    },
    async open(vendorId, env): Promise<BatchClient> {
      const vendor = await requireVendor(io.cwd, vendorId);
      // The client that priced the lines has the product list cached: the flow's reads before its
      // create (inside the journal's "creating" window) then usually hit the cache.
      const client = (env === io.env ? pricing.get(vendorId) : undefined) ?? openFor(vendor, io, env);
      const definition = client.runtime.vendor;
      return {
        checkCredentials() {
          for (const credential of credentialsOf(definition.auth))
            resolveCredential(credential, {}, env, vendorId);
        },
        async create(operation, input) {
          const entry = findEntryPoint(vendor.entryPoints, operation);
          const outcome = entry
            ? await findCallTarget(vendor, entry.name).invoke(client, input)
            : await client.call(operation, input);
          return isTask(outcome) ? { task: outcome, handle: { ...outcome.handle } } : { result: outcome };
        },
        resume: (handle) => client.resume(handle),
        resultUrls: (operation, result) =>
          resultUrls(result, urlPathsFor(client, definition.operations?.[operation] as OperationDefinition)),
        download: (url, dir) => client.runtime.download(url, dir),
      };
    },
  };
}

function openFor(vendor: LoadedVendor, io: CliIo, env: CliIo["env"]): GeneratedClient {
  const vendorIo = { ...io, env };
  return openClient(vendor, vendorIo, { baseUrl: baseUrlFor(vendor.entry.id, vendorIo) });
}

/**
 * An entry point's own checks (its `validate` hook: prompt, image counts, model names the table
 * knows). Images must be https URLs: a local file would be uploaded inside the create window and a
 * Redis worker on another machine cannot read it. Resolves to the client method (the job's id).
 */
function validateEntryPoint(vendor: LoadedVendor, entry: EntryPoint, input: unknown): string {
  const issues = entry.validate?.(vendor.module, input) ?? [];
  const images = (input as { images?: unknown }).images;
  if (Array.isArray(images)) {
    images.forEach((image, i) => {
      if (typeof image !== "string" || !/^https:\/\//i.test(image))
        issues.push({
          field: `images.${i}`,
          rule: "https_url",
          message: "a batch takes https URLs; upload local files first (`gen call` uploads them)",
        });
    });
  }
  if (issues.length > 0) throw InvalidRequestError.fromIssues(issues);
  return entry.method;
}

/** A vendor's paid (create) operation by any of its names; errors name the field and the rule. */
async function createOperation(vendor: LoadedVendor, name: string): Promise<OperationDefinition> {
  const vendorId = vendor.entry.id;
  const target = findCallTarget(vendor, name);
  if (!target.operation) throw new Error(`operation: "${name}" is not a create operation of ${vendorId}`);
  if (target.operation.kind !== "create") {
    throw new Error(`operation: "${name}" only reads (kind "read"); a batch runs paid create operations`);
  }
  return target.operation;
}

function credentialsOf(auth: { type: string } & Record<string, unknown>): Credential[] {
  if (auth.type === "none") return [];
  if (auth.type === "basic") return [auth.key as Credential, auth.secret as Credential];
  return [auth.credential as Credential];
}
