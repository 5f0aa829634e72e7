import type { TransportRequest } from "./types.js";

/** `METHOD url` without the query string (which may carry secrets), for error messages. */
export function describeRequest(request: TransportRequest): string {
  const q = request.url.search(/[?#]/);
  return `${request.method} ${q === -1 ? request.url : request.url.slice(0, q)}`;
}
