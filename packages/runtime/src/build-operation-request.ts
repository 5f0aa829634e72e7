import { encodeQuery } from "./encode-query.js";
import { type OperationShape, operationRequest } from "./operation-request.js";
import type { CallOptions, RawRequest, VendorDefinition } from "./types.js";

/**
 * Turn validated input into a `RawRequest` (see `operationRequest`), styled query parameters
 * included: the public, synchronous form (code snippets, custom pipelines).
 */
export function buildOperationRequest(
  vendor: VendorDefinition,
  operation: OperationShape,
  input: unknown,
  call: CallOptions = {},
): RawRequest {
  return operationRequest(vendor, operation, input, call, encodeQuery);
}
