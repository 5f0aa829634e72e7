import type { EntryPoint, OperationDefinition } from "@gen/runtime";
import { listOperations } from "@gen/spec";
import type { StudioBackend, StudioOperation, StudioVendor } from "@gen/studio";
import type { CliIo } from "./cli-io.js";
import { credentialsOf } from "./commands/mock.js";
import { discoverVendors, type VendorEntry } from "./discover-vendors.js";
import { operationsOf } from "./find-operation.js";
import { urlPathsFor } from "./follow-task.js";
import { modelDefaults } from "./model-defaults.js";
import { baseUrlFor, openClient } from "./open-vendor.js";
import { inputJsonSchema } from "./operation-parameters.js";
import { resultUrls } from "./result-urls.js";
import { vendorModel } from "./vendor-model.js";
import { type GeneratedClient, type LoadedVendor, loadVendor } from "./vendors.js";

/**
 * The studio's vendors, discovered from vendor packages' manifests (`discover-vendors.ts`): every package, a client
 * opened like `gen call` opens it (environment credentials, `GEN_<VENDOR>_BASE_URL`,
 * `GEN_<VENDOR>_CONNECT_TO`), its generated operations and hand-written entry points.
 */
export function studioBackend(io: CliIo): StudioBackend {
  return {
    async vendors() {
      const loaded = await Promise.all((await discoverVendors(io.cwd)).map((entry) => loadVendor(entry)));
      const out: StudioVendor[] = [];
      for (const vendor of loaded) if (vendor) out.push(await studioVendor(vendor, io));
      return out;
    },
  };
}

async function studioVendor(vendor: LoadedVendor, io: CliIo): Promise<StudioVendor> {
  const baseUrl = baseUrlFor(vendor.entry.id, io);
  const client = openClient(vendor, io, { baseUrl });
  const auth = client.runtime.vendor.auth;
  const credentials = credentialsOf(auth).map((c) => c.env[0] ?? c.option);
  const docs = await operationDocs(vendor.entry);
  const defaults = await modelDefaults(vendor.entry);
  const entryPoints = vendor.entryPoints.map((e) => entryPointOperation(e, vendor.module));
  const generated = operationsOf(vendor).map((op): StudioOperation => {
    const schema = inputJsonSchema(op, vendor.module);
    return {
      id: op.id,
      name: op.name,
      aliases: op.aliases ?? [],
      ...docs.get(op.id),
      kind: op.kind,
      task: op.task !== undefined,
      ...(op.task?.estimatedMs ? { estimatedMs: op.task.estimatedMs } : {}),
      ...(schema ? { schema: schema as Record<string, unknown> } : {}),
      vendorDefaults: defaults.get(op.id) ?? {},
      definition: op as OperationDefinition,
      invoke: (c, input, options) => (c as GeneratedClient).call(op.id, input, options),
    };
  });
  return {
    id: vendor.entry.id,
    displayName: client.runtime.vendor.displayName,
    packageName: vendor.entry.packageName,
    factory: vendor.entry.manifest?.factory ?? "",
    credentials,
    credentialsSet: credentials.every((name) => Boolean(io.env[name])),
    ...(baseUrl === undefined ? {} : { baseUrl }),
    operations: [...entryPoints, ...generated],
    client,
    resultUrls: (operationId, result) =>
      resultUrls(result, urlPathsFor(client, generated.find((o) => o.id === operationId)?.definition)),
  };
}

/** A hand-written flow (IMA's `textToVideo` ...): takes local files, which the SDK uploads. */
function entryPointOperation(entry: EntryPoint, module: Record<string, unknown>): StudioOperation {
  const schema = entry.schema(module);
  const fileFields = Object.keys(schema.properties ?? {}).filter((name) => name === "images");
  return {
    id: entry.method,
    name: entry.name,
    aliases: [],
    summary: entry.description,
    kind: "create",
    task: true,
    schema: schema as Record<string, unknown>,
    fileFields,
    ...(entry.validate ? { validate: (input: unknown) => entry.validate?.(module, input) ?? [] } : {}),
    invoke: (client, input, options) => {
      const method = (client as unknown as Record<string, unknown>)[entry.method];
      if (typeof method !== "function") throw new Error(`the client has no ${entry.method}()`);
      return (method as (i: unknown, o?: unknown) => Promise<unknown>).call(client, input, options);
    },
  };
}

/**
 * Summary and description per operation id, from the vendor's model (see vendorModel); without
 * one, the one-line summary of the package's manifest.
 */
async function operationDocs(
  entry: VendorEntry,
): Promise<Map<string, { summary?: string; description?: string }>> {
  const out = new Map<string, { summary?: string; description?: string }>();
  for (const op of entry.manifest?.operations ?? []) if (op.summary) out.set(op.id, { summary: op.summary });
  const { model } = await vendorModel(entry);
  if (!model) return out;
  for (const { operationId, operation } of listOperations(model)) {
    const { summary, description } = operation as { summary?: string; description?: string };
    const title = summary?.replace(/\s*API Documentation$/i, "");
    out.set(operationId, {
      ...(title ? { summary: title } : {}),
      ...(description ? { description } : {}),
    });
  }
  return out;
}
