export { buildTools, type GenTool } from "./build-tools.js";
export { createGenMcpServer, type GenMcpServerOptions } from "./create-server.js";
export { operationInputSchema } from "./operation-input-schema.js";
export { type HttpEndpoint, serveHttp } from "./serve-http.js";
export { serveStdio } from "./serve-stdio.js";
export { TaskBook } from "./task-book.js";
export { decodeTaskId, encodeTaskId } from "./task-id.js";
export type { ToolFilter } from "./tool-filter.js";
export type { McpVendor, VendorClientLike } from "./vendor-source.js";
