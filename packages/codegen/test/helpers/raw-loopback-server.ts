import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as received, body as raw bytes. */
export interface RawSeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A reply with any content type (`body` bytes or text, or JSON when an object; none = empty). */
export type RawReply = (req: RawSeenRequest) => { status: number; type?: string; body?: unknown };

/** A node:http server on 127.0.0.1 recording every request's exact bytes. */
export async function rawLoopbackServer(reply: RawReply): Promise<{
  baseUrl: string;
  requests: RawSeenRequest[];
  close: () => Promise<void>;
}> {
  const requests: RawSeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(seen);
      const out = reply(seen);
      const bytes =
        out.body === undefined
          ? undefined
          : out.body instanceof Uint8Array || typeof out.body === "string"
            ? out.body
            : JSON.stringify(out.body);
      if (bytes === undefined) res.writeHead(out.status).end();
      else res.writeHead(out.status, { "content-type": out.type ?? "application/json" }).end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
