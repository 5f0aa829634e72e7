import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createGenMcpServer, type GenMcpServerOptions } from "./create-server.js";

/** Serves on stdin/stdout until stdin closes (logs belong on stderr). */
export async function serveStdio(options: GenMcpServerOptions): Promise<void> {
  const server = createGenMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once("end", () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
