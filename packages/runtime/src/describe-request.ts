import type { TransportRequest } from "./types.js";
import { withoutQuery } from "./without-query.js";

/** `METHOD url` without the query string (which may carry secrets), for error messages. */
export function describeRequest(request: TransportRequest): string {
  return `${request.method} ${withoutQuery(request.url)}`;
}
