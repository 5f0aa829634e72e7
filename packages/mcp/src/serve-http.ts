import { createServer, type Server as HttpServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { createGenMcpServer, type GenMcpServerOptions } from "./create-server.js";
import { TaskBook } from "./task-book.js";

/** A running Streamable HTTP endpoint. */
export interface HttpEndpoint {
  /** `http://127.0.0.1:PORT/mcp` */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Serves MCP over Streamable HTTP at `/mcp`, bound to 127.0.0.1 only, stateless (no session:
 * one server per request, which is all a server that keeps no task state needs). Requests whose
 * Host or Origin is not loopback are refused (DNS-rebinding guard).
 */
export async function serveHttp(options: GenMcpServerOptions & { port?: number }): Promise<HttpEndpoint> {
  const shared = { ...options, book: options.book ?? new TaskBook() };
  const http: HttpServer = createServer((req, res) => {
    if (!isLoopbackRequest(req)) {
      res.writeHead(403, { "content-type": "text/plain" }).end("Only loopback hosts and origins are served.");
      return;
    }
    if (new URL(req.url ?? "/", "http://127.0.0.1").pathname !== "/mcp") {
      res.writeHead(404, { "content-type": "text/plain" }).end("The MCP endpoint is /mcp.");
      return;
    }
    const server = createGenMcpServer(shared);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end(error instanceof Error ? error.message : String(error));
      });
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function isLoopbackRequest(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? "").replace(/:\d+$/, "");
  if (!LOOPBACK.has(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined || origin === "null") return origin === undefined;
  try {
    return LOOPBACK.has(new URL(origin).hostname === "::1" ? "[::1]" : new URL(origin).hostname);
  } catch {
    return false;
  }
}
