import type {
  XGenAuth,
  XGenEnvelope,
  XGenErrorCode,
  XGenHosts,
  XGenOperation,
  XGenRequest,
  XGenTaskProtocol,
} from "./x-gen.js";

/** A deeply read-only view of JSON data (arrays and tuples become read-only too). */
export type ReadonlyDeep<T> = T extends object ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> } : T;

/**
 * One operation of a vendor's plan: the JSON-safe part of what the runtime executes. Emitted once
 * by codegen (`operations.gen.ts`); the runtime's `OperationDefinition` is this plus the code
 * (input validator, output decoder).
 */
export interface PlanOperation {
  /** Generated method name (camelCase operationId). */
  id: string;
  /** The vendor's own name, for `call(name)`. */
  name: XGenOperation["name"];
  aliases?: XGenOperation["aliases"];
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path relative to the base URL, with `{param}` placeholders. */
  path: string;
  pathParams?: string[];
  queryParams?: string[];
  /** input field -> header name. */
  headerParams?: XGenOperation["headerParams"];
  kind: XGenOperation["kind"];
  task?: { estimatedMs?: [number, number] };
  constBody?: XGenOperation["constBody"];
  /** Output field -> dot path(s) into the unwrapped response data (first present wins). */
  outputAliases?: XGenOperation["outputAliases"];
  /** Cross-field rules, applied after validation (one engine: `checkRules` in @gen/runtime). */
  rules?: XGenOperation["rules"];
}

/**
 * A vendor's plan: everything the runtime needs to know about the vendor, as JSON. Emitted once by
 * codegen (`vendor.gen.ts`) from the normalised model's `x-gen-*` fields; the runtime's
 * `VendorDefinition` is this type (read-only), not a copy of it.
 */
export interface VendorPlan {
  id: string;
  displayName: string;
  baseUrl: string;
  hosts: XGenHosts;
  auth: XGenAuth;
  envelope?: XGenEnvelope;
  errors?: Record<string, XGenErrorCode>;
  /** `sendDefaults`: schema defaults are applied by the input schemas (informational for the runtime). */
  request?: XGenRequest;
  /** The task protocol without its result schema (the emitted types carry that). */
  task?: Omit<XGenTaskProtocol, "resultSchema">;
  /** Operations by id; the task protocol's `pollOperation` resolves here. */
  operations?: Record<string, PlanOperation>;
}
