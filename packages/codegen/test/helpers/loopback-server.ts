import type { IncomingHttpHeaders } from "node:http";
import { rawLoopbackServer } from "./raw-loopback-server.js";

/** One request the loopback server received. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A reply: status and JSON body (`undefined` = empty body). */
export type Reply = (req: SeenRequest) => { status: number; body?: unknown };

/** A node:http server on 127.0.0.1 (port 0) recording every request, bodies as text, JSON replies. */
export async function loopbackServer(reply: Reply): Promise<{
  baseUrl: string;
  requests: SeenRequest[];
  close: () => Promise<void>;
}> {
  const requests: SeenRequest[] = [];
  const server = await rawLoopbackServer((raw) => {
    const seen: SeenRequest = { ...raw, body: raw.body.toString("utf8") };
    requests.push(seen);
    const out = reply(seen);
    return out.body === undefined
      ? { status: out.status }
      : { status: out.status, body: JSON.stringify(out.body) };
  });
  return { baseUrl: server.baseUrl, requests, close: server.close };
}
