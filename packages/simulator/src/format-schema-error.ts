import type { ErrorObject } from "ajv";

/** Turns an Ajv error into `field: rule` (`prompt: must be at most 1200 characters`). */
export function formatSchemaError(error: ErrorObject, root: string): string {
  const p = error.params as Record<string, unknown>;
  const at = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const field = (extra?: unknown) =>
    [...at, ...(extra === undefined ? [] : [String(extra)])].join(".") || root;
  switch (error.keyword) {
    case "required":
      return `${field(p["missingProperty"])}: is required`;
    case "additionalProperties":
      return `${field(p["additionalProperty"])}: is not allowed`;
    case "enum":
      return `${field()}: must be one of ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${field()}: must equal ${JSON.stringify(p["allowedValue"])}`;
    case "type":
      return `${field()}: must be of type ${String(p["type"])}`;
    case "maxLength":
      return `${field()}: must be at most ${String(p["limit"])} characters`;
    case "minLength":
      return `${field()}: must be at least ${String(p["limit"])} characters`;
    case "maxItems":
      return `${field()}: must have at most ${String(p["limit"])} items`;
    case "minItems":
      return `${field()}: must have at least ${String(p["limit"])} items`;
    case "format":
      return `${field()}: must be a valid ${String(p["format"])}`;
    case "pattern":
      return `${field()}: must match the pattern ${String(p["pattern"])}`;
    default:
      return `${field()}: ${error.message ?? "is invalid"}`;
  }
}
