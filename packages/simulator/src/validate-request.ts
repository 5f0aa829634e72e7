import type { JsonSchema } from "@gen/spec";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { checkRules } from "./check-rules.js";
import { formatSchemaError } from "./format-schema-error.js";
import type { SimModel, SimOperation } from "./model-index.js";

/** What a request carries, already split into parameters and the unwrapped body. */
export interface RequestInput {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Unwrapped JSON body (`undefined` when none was sent). */
  body: unknown;
}

const NOISE = new Set(["if", "oneOf", "anyOf", "allOf", "not"]);

/**
 * Validates requests against the operation's JSON Schemas (Ajv, draft 2020-12, formats) and its
 * cross-field rules; returns the problems as `field: rule` strings (empty when valid).
 */
export class RequestValidator {
  private readonly strict = addFormats(new Ajv2020({ allErrors: true, strict: false }));
  private readonly coercing = addFormats(new Ajv2020({ allErrors: true, strict: false, coerceTypes: true }));
  private readonly cache = new Map<object, ValidateFunction>();

  constructor(private readonly model: SimModel) {}

  validate(operation: SimOperation, input: RequestInput): string[] {
    const problems: string[] = [];
    for (const p of operation.parameters) {
      const raw =
        p.in === "path" ? input.params[p.name] : p.in === "query" ? input.query.get(p.name) : undefined;
      const header = p.in === "header" ? input.headers[p.name.toLowerCase()] : undefined;
      const value = raw ?? (Array.isArray(header) ? header[0] : header);
      if (value === undefined || value === null || value === "") {
        if (p.required) problems.push(`${p.name}: is required`);
        continue;
      }
      if (p.schema) problems.push(...this.run(this.coercing, p.schema, { [p.name]: value }, p.name, true));
    }
    if (operation.bodySchema) {
      const body = input.body === undefined ? {} : input.body;
      problems.push(...this.run(this.strict, operation.bodySchema, body, "body", false));
      if (problems.length === 0 && operation.x.rules) problems.push(...checkRules(operation.x.rules, body));
    }
    return problems;
  }

  private run(ajv: Ajv2020, schema: JsonSchema, value: unknown, root: string, wrapped: boolean): string[] {
    const validate = this.compile(ajv, schema, wrapped ? root : undefined);
    if (validate(value)) return [];
    const errors = validate.errors ?? [];
    const useful = errors.filter((e) => !NOISE.has(e.keyword));
    return [...new Set((useful.length > 0 ? useful : errors).map((e) => formatSchemaError(e, root)))];
  }

  private compile(ajv: Ajv2020, schema: JsonSchema, wrapAs: string | undefined): ValidateFunction {
    const key = wrapAs ? (ajv === this.coercing ? schema : { schema }) : schema;
    let fn = this.cache.get(key);
    if (!fn) {
      const root = wrapAs ? { type: "object", properties: { [wrapAs]: schema } } : schema;
      // Attach the model's components so local `#/components/...` refs resolve.
      fn = ajv.compile({ ...root, components: this.model.document["components"] ?? {} });
      this.cache.set(key, fn);
    }
    return fn;
  }
}
