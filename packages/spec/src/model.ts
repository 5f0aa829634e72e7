import type {
  JsonSchema,
  XGenAuth,
  XGenConstants,
  XGenEnvelope,
  XGenErrorCode,
  XGenHosts,
  XGenOperation,
  XGenRequest,
  XGenTaskProtocol,
  XGenVendor,
} from "./x-gen.js";

/** A JSON Reference (`{ $ref: "#/components/..." }`). */
export interface RefObject {
  $ref: string;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
  /** Serialisation (query: `form` by default, `spaceDelimited`, `pipeDelimited`, `deepObject`). */
  style?: string;
  /** Default true for `form`, false otherwise. */
  explode?: boolean;
  [key: `x-${string}`]: unknown;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  example?: unknown;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

/**
 * An OpenAPI operation with `x-gen-operation`. Schema convention: `requestBody` describes the
 * body params before `x-gen-request.bodyWrapper` is applied, and the 200 response describes the
 * envelope's data field. Catalogs that describe the wrapped wire shapes are accepted too: the
 * reader helpers unwrap a schema whose only property is the wrapper / which has the envelope's
 * code and data fields.
 */
export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: Array<ParameterObject | RefObject>;
  requestBody?: RequestBodyObject | RefObject;
  responses?: Record<string, ResponseObject | RefObject>;
  "x-gen-operation"?: XGenOperation;
  /** Security requirements (scheme name -> scopes); read for the default auth of plain OpenAPI files. */
  security?: Array<Record<string, string[]>>;
  [key: `x-${string}`]: unknown;
}

export type HttpMethodLower = "get" | "post" | "put" | "patch" | "delete";
export const HTTP_METHODS: readonly HttpMethodLower[] = ["get", "post", "put", "patch", "delete"];

export type PathItemObject = Partial<Record<HttpMethodLower, OperationObject>> & {
  parameters?: Array<ParameterObject | RefObject>;
  summary?: string;
  description?: string;
};

export interface ComponentsObject {
  schemas?: Record<string, JsonSchema>;
  parameters?: Record<string, ParameterObject>;
  requestBodies?: Record<string, RequestBodyObject>;
  responses?: Record<string, ResponseObject>;
  [key: string]: unknown;
}

/** The normalised model: an OpenAPI 3.1 document carrying the `x-gen-*` vocabulary. */
export interface GenModel {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: Array<{ url: string; description?: string }>;
  paths: Record<string, PathItemObject>;
  components?: ComponentsObject;
  /** Security requirements (scheme name -> scopes); read for the default auth of plain OpenAPI files. */
  security?: Array<Record<string, string[]>>;
  "x-gen-vendor": XGenVendor;
  "x-gen-hosts"?: XGenHosts;
  "x-gen-auth"?: XGenAuth;
  "x-gen-envelope"?: XGenEnvelope | null;
  "x-gen-errors"?: Record<string, XGenErrorCode>;
  "x-gen-request"?: XGenRequest;
  "x-gen-task-protocol"?: XGenTaskProtocol;
  "x-gen-constants"?: XGenConstants;
  /** Do-not-edit note written into emitted `openapi.gen.json`. */
  "x-gen-generated"?: string;
  [key: `x-${string}`]: unknown;
}
