import type { JsonSchema } from "@gen/spec";
import { kindFromName } from "./media-kind.js";
import { deref } from "./model-index.js";
import type { FileKind } from "./types.js";

/** How {@link sampleValue} makes URLs. */
export interface SampleOptions {
  document: object;
  /** URL of a served file of a kind; `index` numbers the URLs of one sample. */
  fileUrl(kind: FileKind, index: number): string;
  /** Kind when a field name gives no hint. */
  defaultKind: FileKind;
  /** Dot paths (`*` = array item) whose strings are URLs. */
  urlPaths?: readonly string[];
}

const URL_NAME = /(url|uri|link|href|src|path|preview|cover|thumbnail)s?$/i;
const URL_FORMATS = new Set(["uri", "url", "iri", "uri-reference"]);

/** A deterministic sample value of a JSON Schema; strings that are URLs point at the file server. */
export function sampleValue(schema: JsonSchema | undefined, options: SampleOptions): unknown {
  let urls = 0;
  const isUrlPath = (path: string[]) =>
    (options.urlPaths ?? []).some((p) => {
      const parts = p.split(".");
      return (
        parts.length === path.length &&
        parts.every(
          (s, i) => s === path[i] || (s === "*" && path[i] === "*") || (/^\d+$/.test(s) && path[i] === "*"),
        )
      );
    });
  const visit = (raw: JsonSchema | undefined, path: string[], depth: number): unknown => {
    const s = (deref(options.document, raw) ?? {}) as JsonSchema;
    if (depth > 12) return null;
    if (s.const !== undefined) return s.const;
    if (s.enum && s.enum.length > 0) return s.enum[0];
    const variant = s.oneOf?.[0] ?? s.anyOf?.[0];
    if (variant) return visit(variant, path, depth + 1);
    const type = (Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type) ?? guessType(s);
    const name = path.filter((p) => p !== "*").at(-1) ?? "";
    switch (type) {
      case "object": {
        const out: Record<string, unknown> = {};
        const props = {
          ...s.properties,
          ...Object.assign(
            {},
            ...(s.allOf ?? []).map((a) => (deref(options.document, a) as JsonSchema).properties),
          ),
        };
        for (const [key, sub] of Object.entries(props))
          out[key] = visit(sub as JsonSchema, [...path, key], depth + 1);
        return out;
      }
      case "array":
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
          visit(s.items, [...path, "*"], depth + 1),
        );
      case "integer":
      case "number":
        return (
          s.minimum ??
          (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : Math.min(1, s.maximum ?? 1))
        );
      case "boolean":
        return true;
      default: {
        if (s.default !== undefined) return s.default;
        if ((s.format && URL_FORMATS.has(s.format)) || isUrlPath(path) || URL_NAME.test(name)) {
          const kind = kindFromName(path.join(".")) ?? options.defaultKind;
          return options.fileUrl(kind, urls++);
        }
        if (s.format === "date-time") return "2025-01-01T00:00:00Z";
        return `sample-${name || "value"}`;
      }
    }
  };
  if (!schema && options.urlPaths?.length) return fromUrlPaths(options);
  return visit(schema, [], 0);
}

function guessType(s: JsonSchema): string {
  if (s.properties || s.allOf) return "object";
  if (s.items) return "array";
  return "string";
}

function fromUrlPaths(options: SampleOptions): unknown {
  const schema: JsonSchema = {};
  for (const p of options.urlPaths ?? []) {
    let node = schema;
    for (const part of p.split(".")) {
      if (part === "*" || /^\d+$/.test(part)) {
        node.type = "array";
        node.items ??= {};
        node = node.items;
      } else {
        node.type = "object";
        node.properties ??= {};
        node.properties[part] ??= {};
        node = node.properties[part]!;
      }
    }
    node.type = "string";
    node.format = "uri";
  }
  return sampleValue(schema, { ...options, urlPaths: [] });
}
