import type { CatalogAdapterContextV1 } from "@gen/spec";
import type { MediaioEntry, MediaioParam } from "./mediaio-catalog.js";

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** Parses the raw catalog array; reports every problem with entry and field. */
export function parseMediaioEntries(raw: unknown, ctx: CatalogAdapterContextV1): MediaioEntry[] {
  if (!Array.isArray(raw)) {
    ctx.report({
      severity: "error",
      code: "bad-catalog",
      message: "catalog must be a JSON array of entries",
      entry: "(root)",
    });
    return [];
  }
  const entries: MediaioEntry[] = [];
  raw.forEach((item: Record<string, unknown>, index) => {
    const label = `[${index}] ${typeof item?.name === "string" ? item.name : `id ${String(item?.id)}`}`;
    const err = (field: string, message: string, code = "bad-entry") =>
      ctx.report({ severity: "error", code, message, entry: label, field });
    if (!item || typeof item !== "object") {
      err("", "entry must be an object");
      return;
    }
    const str = (key: string) => {
      const v = item[key];
      if (typeof v !== "string" || v.trim() === "") {
        err(
          key,
          `${key} is required (non-empty string)`,
          key === "endpoint" ? "missing-endpoint" : "missing-field",
        );
        return undefined;
      }
      return v;
    };
    if (typeof item.id !== "number" && typeof item.id !== "string") err("id", "id is required");
    const name = str("name");
    const modelCode = str("model_code");
    const method = str("method")?.toUpperCase();
    const endpoint = str("endpoint");
    if (method && !METHODS.has(method)) err("method", `unknown HTTP method "${method}"`);
    if (endpoint && !/^https:\/\/[^/]+\//.test(endpoint))
      err("endpoint", `endpoint must be an absolute https URL, got "${endpoint}"`);
    const json = (key: string): Record<string, unknown> | undefined => {
      const v = item[key];
      if (v === undefined || v === null || v === "") return undefined;
      if (typeof v !== "string") {
        err(key, `${key} must be a JSON string`, "bad-json");
        return undefined;
      }
      try {
        return JSON.parse(v) as Record<string, unknown>;
      } catch (e) {
        err(key, `invalid JSON in ${key}: ${(e as Error).message}`, "bad-json");
        return undefined;
      }
    };
    const header = json("api_header");
    const body = json("api_body");
    const response = json("api_response");
    const demo = json("api_request_demo");
    const codeDemo = json("api_code_demo");
    const params: MediaioEntry["params"] = [];
    const categories = (body?.category ?? []) as Array<{ list?: MediaioParam[] }>;
    if (body && !Array.isArray(body.category)) err("api_body.category", "api_body.category must be an array");
    categories.forEach((cat, c) => {
      (cat.list ?? []).forEach((p, j) => {
        const field = `api_body.category[${c}].list[${j}]`;
        if (typeof p?.name !== "string" || p.name === "") {
          err(`${field}.name`, "parameter name is required");
          return;
        }
        if (typeof p.type !== "string") {
          err(`${field}.type`, `parameter "${p.name}" has no type`, "unknown-type");
          return;
        }
        if (params.some((q) => q.name === p.name)) {
          err(`${field}.name`, `duplicate parameter "${p.name}"`, "duplicate-param");
          return;
        }
        if (p.keywords !== undefined && !Array.isArray(p.keywords)) {
          err(`${field}.keywords`, "keywords must be an array");
          return;
        }
        params.push({ ...p, field });
      });
    });
    const curl = ((demo?.request ?? []) as Array<{ language?: string; code_example?: string }>)
      .filter((r) => r.language?.toLowerCase() === "curl" && typeof r.code_example === "string")
      .map((r) => r.code_example as string);
    const codes = Array.isArray(codeDemo?.list)
      ? (codeDemo.list as Array<{ code: string; describe: string }>)
      : [];
    if (!name || !modelCode || !method || !endpoint) return;
    const entry: MediaioEntry = {
      index,
      id: item.id as number,
      name,
      modelCode,
      method,
      endpoint,
      headers: Array.isArray(header?.list) ? (header.list as MediaioEntry["headers"]) : [],
      params,
      response: Array.isArray(response?.list) ? (response.list as MediaioEntry["response"]) : [],
      codes,
      curlExamples: curl,
    };
    if (typeof item.title === "string") entry.title = item.title;
    if (typeof item.description === "string") entry.description = item.description;
    if (typeof item.status === "number") entry.status = item.status;
    entries.push(entry);
  });
  return entries;
}
