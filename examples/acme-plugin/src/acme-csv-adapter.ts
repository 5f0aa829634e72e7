import {
  type CatalogAdapterContextV1,
  type CatalogAdapterV1,
  defineCatalogAdapter,
  type GenerationDiagnostic,
  type GenModel,
  type JsonSchema,
  type OperationObject,
} from "@gen/spec";
import { csvFieldSchema } from "./csv-field-schema.js";
import { parseCsv } from "./parse-csv.js";

const COLUMNS = ["operation", "method", "path", "kind", "field", "type", "required", "values", "description"];
const TYPES = new Set(["string", "integer", "number", "boolean"]);
const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/**
 * Acme's catalog: a CSV with one row per parameter (columns `COLUMNS`). Vendor facts the CSV lacks
 * come from the adapter options in `gen.config.json`: `displayName`, `packageName`, `baseUrl`,
 * `apiKeyHeader`. Bad rows are reported with their line and column; nothing is guessed.
 */
export const acmeCsvAdapter: CatalogAdapterV1 = defineCatalogAdapter({
  specificationVersion: "v1",
  name: "acme-csv",
  async load(ctx) {
    const warnings: GenerationDiagnostic[] = [];
    const [header, ...rows] = parseCsv(await ctx.readFile(ctx.catalogPath));
    if (header?.join(",") !== COLUMNS.join(",")) {
      ctx.report({
        severity: "error",
        code: "bad-header",
        message: `header must be ${COLUMNS.join(",")}`,
        entry: "line 1",
      });
    }
    const paths: GenModel["paths"] = {};
    for (const [i, cells] of rows.entries()) addRow(ctx, paths, cells, `line ${i + 2}`);
    return { model: buildModel(ctx, paths), warnings, stats: { rows: rows.length } };
  },
});

function addRow(
  ctx: CatalogAdapterContextV1,
  paths: GenModel["paths"],
  cells: string[],
  entry: string,
): void {
  const row = Object.fromEntries(COLUMNS.map((c, i) => [c, (cells[i] ?? "").trim()]));
  const fail = (field: string, message: string): void =>
    ctx.report({ severity: "error", code: "bad-row", message, entry, field });
  const method = row.method?.toLowerCase() ?? "";
  if (!METHODS.has(method)) {
    fail("method", `unknown method "${row.method}"`);
    return;
  }
  if (!TYPES.has(row.type ?? "") || (row.kind !== "create" && row.kind !== "read")) {
    fail(
      TYPES.has(row.type ?? "") ? "kind" : "type",
      "type must be string|integer|number|boolean, kind create|read",
    );
    return;
  }
  const path = row.path ?? "";
  const item = paths[path] ?? {};
  paths[path] = item;
  const op: OperationObject = item[method as "get"] ?? {
    operationId: row.operation,
    "x-gen-operation": { name: row.operation ?? "", kind: row.kind },
  };
  item[method as "get"] = op;
  const schema = csvFieldSchema(row.type ?? "string", row.values ?? "", row.description ?? "");
  const field = row.field ?? "";
  const required = row.required === "yes";
  if (path.includes(`{${field}}`) || method === "get") {
    op.parameters = [
      ...(op.parameters ?? []),
      { name: field, in: path.includes(`{${field}}`) ? "path" : "query", required, schema },
    ];
    return;
  }
  const body = bodySchema(op);
  body.properties = { ...body.properties, [field]: schema };
  if (required) body.required = [...(body.required ?? []), field];
}

function bodySchema(op: OperationObject): JsonSchema {
  op.requestBody ??= { content: { "application/json": { schema: { type: "object", properties: {} } } } };
  return (op.requestBody as { content: Record<string, { schema: JsonSchema }> }).content["application/json"]!
    .schema;
}

function buildModel(ctx: CatalogAdapterContextV1, paths: GenModel["paths"]): GenModel {
  const option = (name: string, fallback: string) =>
    typeof ctx.options[name] === "string" ? (ctx.options[name] as string) : fallback;
  const baseUrl = option("baseUrl", "");
  const header = option("apiKeyHeader", "");
  const env = `${ctx.vendorId.toUpperCase()}_API_KEY`;
  return {
    openapi: "3.1.0",
    info: { title: option("displayName", ctx.vendorId), version: "1" },
    servers: baseUrl ? [{ url: baseUrl }] : [],
    "x-gen-vendor": {
      id: ctx.vendorId,
      packageName: option("packageName", `@acme/${ctx.vendorId}`),
      displayName: option("displayName", ctx.vendorId),
    },
    "x-gen-auth": header
      ? { type: "apiKey", header, credential: { option: "apiKey", env: [env] } }
      : { type: "none" },
    paths,
  };
}
