import type { BatchClient, BatchSource } from "@gen/batch";
import {
  applyRules,
  type Credential,
  type OperationDefinition,
  resolveCredential,
  type StandardSchemaV1,
  validateInput,
} from "@gen/runtime";
import { findCallTarget } from "./call-target.js";
import type { CliIo } from "./cli-io.js";
import { isTask } from "./commands/call.js";
import { urlPathsFor } from "./follow-task.js";
import { baseUrlFor, openClient, requireVendor } from "./open-vendor.js";
import { resultUrls } from "./result-urls.js";
import { VENDORS } from "./vendors.js";

/**
 * The CLI's vendor registry as a batch source: jobs name a vendor and a generated operation, are
 * validated by the vendor package's own schemas and rules, and reach the vendor (or its simulator
 * via `GEN_<VENDOR>_BASE_URL` / `_CONNECT_TO`) exactly as `gen call` would.
 */
export function cliBatchSource(io: CliIo): BatchSource {
  return {
    vendors: () => VENDORS.map((v) => v.id),
    async validate(vendorId, name, input) {
      const operation = await createOperation(vendorId, name);
      const schema = typeof operation.input === "function" ? operation.input() : operation.input;
      let value = schema ? await validateInput(schema as StandardSchemaV1, input, vendorId) : input;
      if (operation.rules?.length)
        value = applyRules(value as Record<string, unknown>, operation.rules, vendorId);
      operation.prepare?.(value);
      return operation.id;
    },
    cost: (vendorId, operation, input) => VENDORS.find((v) => v.id === vendorId)?.cost?.(operation, input),
    async open(vendorId, env): Promise<BatchClient> {
      const vendor = await requireVendor(vendorId);
      const vendorIo = { ...io, env };
      const client = openClient(vendor, vendorIo, { baseUrl: baseUrlFor(vendor.entry.id, vendorIo) });
      const definition = client.runtime.vendor;
      return {
        checkCredentials() {
          for (const credential of credentialsOf(definition.auth))
            resolveCredential(credential, {}, env, vendorId);
        },
        async create(operation, input) {
          const outcome = await client.call(operation, input);
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

/** A vendor's paid (create) operation by any of its names; errors name the field and the rule. */
async function createOperation(vendorId: string, name: string): Promise<OperationDefinition> {
  const vendor = await requireVendor(vendorId);
  const target = findCallTarget(vendor, name);
  if (!target.operation) {
    throw new Error(
      `operation: "${name}" is a multi-step ${vendorId} flow that needs the vendor to validate; a batch takes the generated operations (\`gen list ${vendorId}\`)`,
    );
  }
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
