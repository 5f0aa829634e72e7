import { posix } from "node:path";
import {
  type CatalogAdapterContextV1,
  type CatalogAdapterV1,
  defineCatalogAdapter,
  type GenerationDiagnostic,
  type GenModel,
  type JsonSchema,
  type OperationObject,
  type ParameterObject,
  pathTemplateParams,
  type XGenErrorCode,
  type XGenErrorKind,
} from "@gen/spec";
import { camelCase } from "../../emit/names.js";
import { conditionalRules } from "./conditional-rules.js";
import { deepMerge } from "./deep-merge.js";
import type { MediaioEntry } from "./mediaio-catalog.js";
import { mediaioTypeToSchema } from "./mediaio-types.js";
import { parseMediaioEntries } from "./parse-mediaio-entries.js";
import { type ConditionalOption, extractProseConstraints } from "./prose-constraints.js";

const ENVELOPE_FIELDS = new Set(["code", "msg", "data", "trace_id"]);

/**
 * Adapter for catalogs in Media.io's own format (`c_api_doc_detail.json`). Everything the catalog
 * states is read from it; vendor facts it lacks (env names, extra error codes, the task protocol)
 * come from an optional overlay (`options.overlay`, an OpenAPI fragment next to the catalog) that is
 * deep-merged over the derived model.
 */
export const mediaioAdapter: CatalogAdapterV1 = defineCatalogAdapter({
  specificationVersion: "v1",
  name: "mediaio",
  async load(ctx) {
    const warnings: GenerationDiagnostic[] = [];
    const file = ctx.catalogPath;
    let raw: unknown;
    const text = await ctx.readFile(file);
    try {
      raw = JSON.parse(text);
    } catch (e) {
      ctx.report({
        severity: "error",
        code: "parse-error",
        message: `invalid JSON: ${(e as Error).message}`,
        entry: "(file)",
      });
      return { model: {} as GenModel, warnings };
    }
    const entries = parseMediaioEntries(raw, ctx);
    checkUniqueNames(entries, ctx);
    const stats = { operations: 0, parameters: 0, constraintsExtracted: 0, proseNotUnderstood: 0 };
    let model = deriveModel(ctx, entries, warnings, stats);
    const overlayPath =
      typeof ctx.options.overlay === "string"
        ? posix.join(posix.dirname(file), ctx.options.overlay)
        : undefined;
    if (overlayPath) {
      if (!(await ctx.fileExists(overlayPath))) {
        ctx.report({
          severity: "error",
          code: "missing-overlay",
          message: `overlay not found: ${overlayPath}`,
          entry: "(options)",
          field: "overlay",
        });
      } else {
        model = deepMerge(model, ctx.parseYaml(await ctx.readFile(overlayPath), overlayPath));
      }
    }
    return { model, warnings, stats };
  },
});

function checkUniqueNames(entries: MediaioEntry[], ctx: CatalogAdapterContextV1): void {
  const owners = new Map<string, string>();
  for (const e of entries) {
    const label = `[${e.index}] ${e.name}`;
    const keys: Array<[string, string]> = [
      ["name", e.name],
      ["model_code", e.modelCode],
      ["id", String(e.id)],
    ];
    for (const [field, key] of keys) {
      const owner = owners.get(key);
      if (owner && owner !== label) {
        ctx.report({
          severity: "error",
          code: "duplicate-name",
          message: `"${key}" is also used by ${owner}`,
          entry: label,
          field,
        });
      }
      owners.set(key, label);
    }
  }
}

function deriveModel(
  ctx: CatalogAdapterContextV1,
  entries: MediaioEntry[],
  warnings: GenerationDiagnostic[],
  stats: Record<string, number>,
): GenModel {
  const file = ctx.catalogPath;
  const paths: GenModel["paths"] = {};
  const origins = new Set<string>();
  const errors: Record<string, XGenErrorCode> = {};
  let authHeader: string | undefined;
  let wrapper: string | undefined;
  let traceId = false;
  for (const e of entries) {
    const label = `[${e.index}] ${e.name}`;
    const m = /^(https:\/\/[^/]+)(\/.*)$/.exec(e.endpoint);
    if (!m) continue;
    origins.add(m[1] as string);
    const path = m[2] as string;
    const pathParams = pathTemplateParams(path);
    const declared = new Set(e.params.map((p) => p.name));
    for (const p of pathParams) {
      if (!declared.has(p)) {
        ctx.report({
          severity: "error",
          code: "undeclared-path-param",
          message: `path parameter {${p}} is not declared in api_body`,
          entry: label,
          field: "endpoint",
        });
      }
    }
    const parameters: ParameterObject[] = [];
    const conditionals: Array<ConditionalOption & { field: string }> = [];
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const p of e.params) {
      const schema = mediaioTypeToSchema(p.type);
      if (!schema) {
        ctx.report({
          severity: "error",
          code: "unknown-type",
          message: `unknown type "${p.type}" (known: string, integer, number, boolean, object, array<T>)`,
          entry: label,
          field: `${p.field}.type`,
        });
        continue;
      }
      stats.parameters = (stats.parameters ?? 0) + 1;
      if (p.keywords?.length) {
        if (schema.type === "array" && schema.items) schema.items.enum = [...p.keywords];
        else schema.enum = [...p.keywords];
      }
      const prose = extractProseConstraints(p.describe ?? "", String(schema.type), p.keywords);
      stats.constraintsExtracted = (stats.constraintsExtracted ?? 0) + prose.extracted;
      for (const s of prose.notUnderstood) {
        stats.proseNotUnderstood = (stats.proseNotUnderstood ?? 0) + 1;
        warnings.push({
          severity: "warning",
          code: "prose-not-understood",
          message: `constraint prose not understood: "${s}"`,
          file,
          entry: label,
          field: `${p.field}.describe`,
        });
      }
      Object.assign(schema, prose.schema);
      for (const c of prose.conditional) conditionals.push({ field: p.name, ...c });
      if (p.describe) schema.description = p.describe;
      if (pathParams.includes(p.name)) {
        parameters.push({ name: p.name, in: "path", required: true, schema });
        continue;
      }
      properties[p.name] = schema;
      if (p.required) required.push(p.name);
    }
    const dataProps: Record<string, JsonSchema> = {};
    for (const r of e.response) {
      if (r.name === "trace_id") traceId = true;
      if (ENVELOPE_FIELDS.has(r.name)) continue;
      const schema = mediaioTypeToSchema(r.type) ?? {};
      if (r.describe) schema.description = r.describe;
      dataProps[r.name] = schema;
    }
    for (const c of e.codes) {
      if (String(c.code) === "0" || errors[String(c.code)]) continue;
      errors[String(c.code)] = { kind: guessKind(c.describe), message: c.describe };
    }
    authHeader ??= e.headers.find((h) => /api[-_]?key|token|authorization/i.test(h.name))?.name;
    wrapper ??= detectWrapper(e.curlExamples);
    const isTask = pathParams.length === 0 && "task_id" in dataProps;
    const xGen: OperationObject["x-gen-operation"] = {
      name: e.name,
      aliases: [e.modelCode, String(e.id)],
      kind: isTask ? "create" : "read",
    };
    if (isTask) xGen.task = true;
    const rules = conditionalRules(conditionals, properties, (message, field) =>
      warnings.push({
        severity: "warning",
        code: "condition-not-enforced",
        message,
        file,
        entry: label,
        field,
      }),
    );
    if (rules.length) xGen.rules = rules;
    if (e.status !== undefined && e.status !== 1) {
      xGen.notes = [`catalog status ${e.status} (entries are normally 1)`];
      warnings.push({
        severity: "warning",
        code: "entry-status",
        message: `catalog status is ${e.status}, not 1`,
        file,
        entry: label,
        field: "status",
      });
    }
    const op: OperationObject = { operationId: camelCase(e.modelCode), summary: e.title ?? e.name };
    if (e.description) op.description = e.description;
    if (parameters.length) op.parameters = parameters;
    op.requestBody = {
      required: true,
      content: {
        "application/json": {
          schema: { type: "object", properties, ...(required.length ? { required } : {}) },
        },
      },
    };
    op.responses = {
      "200": {
        description: "Envelope data",
        content: { "application/json": { schema: { type: "object", properties: dataProps } } },
      },
    };
    op["x-gen-operation"] = xGen;
    paths[path] ??= {};
    const item = paths[path];
    const method = e.method.toLowerCase() as "post";
    if (item[method]) {
      ctx.report({
        severity: "error",
        code: "duplicate-endpoint",
        message: `${e.method} ${path} is declared twice`,
        entry: label,
        field: "endpoint",
      });
    }
    item[method] = op;
    stats.operations = (stats.operations ?? 0) + 1;
  }
  const id = ctx.vendorId;
  const model: GenModel = {
    openapi: "3.1.0",
    info: { title: `${id} API`, version: "1.0.0" },
    servers: [...origins].slice(0, 1).map((url) => ({ url })),
    paths,
    "x-gen-vendor": {
      id,
      packageName: `@gen/${id}`,
      displayName: id,
      factory: `create${camelCase(id).replace(/^./, (c) => c.toUpperCase())}`,
    },
    "x-gen-hosts": { api: [...origins].map((o) => new URL(o).hostname) },
    "x-gen-auth": authHeader
      ? {
          type: "apiKey",
          header: authHeader,
          credential: { option: "apiKey", env: [`${id.toUpperCase()}_API_KEY`] },
        }
      : { type: "none" },
    "x-gen-envelope": {
      codeField: "code",
      messageField: "msg",
      dataField: "data",
      ...(traceId ? { traceIdField: "trace_id" } : {}),
      successCodes: [0],
    },
    "x-gen-errors": errors,
  };
  if (wrapper) model["x-gen-request"] = { bodyWrapper: wrapper };
  return model;
}

function guessKind(text: string): XGenErrorKind {
  if (/key|auth|token|sign/i.test(text)) return "authentication";
  if (/not found|no such/i.test(text)) return "not_found";
  if (/credit|balance|quota/i.test(text)) return "insufficient_credits";
  if (/rate|frequen|too many/i.test(text)) return "rate_limited";
  if (/server|internal/i.test(text)) return "server_error";
  return "invalid_request";
}

/** `{"data": {...}}` in a cURL example's body -> `data`. */
function detectWrapper(curls: string[]): string | undefined {
  for (const c of curls) {
    const m = /--data(?:-raw)?\s+'([\s\S]*?)'/.exec(c);
    if (!m) continue;
    try {
      const body = JSON.parse(m[1] as string) as Record<string, unknown>;
      const keys = Object.keys(body);
      if (keys.length === 1 && typeof body[keys[0] as string] === "object") return keys[0];
    } catch {
      // placeholder bodies (`<string>` unquoted) are skipped
    }
  }
  return undefined;
}
