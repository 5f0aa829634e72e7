import type { ServerResponse } from "node:http";
import type { Fault } from "./fault-types.js";
import type { SimResponse } from "./types.js";

/** Encodes a response body and its default Content-Type. */
export function encodeResponse(r: SimResponse): { bytes: Buffer; type: string } {
  if (r.json !== undefined)
    return { bytes: Buffer.from(JSON.stringify(r.json)), type: "application/json; charset=utf-8" };
  return { bytes: Buffer.from(r.body ?? ""), type: "application/octet-stream" };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes a response, applying a delivery fault: `reset-after` destroys the socket unanswered,
 * `truncate` sends half the body under the full Content-Length, `slow` trickles the body.
 * Returns the status sent, or `undefined` when the socket was reset.
 */
export async function deliverResponse(
  res: ServerResponse,
  r: SimResponse,
  fault?: Fault,
): Promise<number | undefined> {
  if (fault?.kind === "reset-after") {
    res.socket?.destroy();
    return undefined;
  }
  const { bytes, type } = encodeResponse(r);
  const status = r.status ?? 200;
  const headers = { "content-type": type, ...r.headers, "content-length": String(bytes.length) };
  res.writeHead(status, headers);
  if (fault?.kind === "truncate") {
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return status;
  }
  if (fault?.kind === "slow") {
    const chunks = 5;
    const size = Math.ceil(bytes.length / chunks);
    for (let i = 0; i < chunks; i++) {
      res.write(bytes.subarray(i * size, (i + 1) * size));
      await sleep(fault.ms / chunks);
    }
    res.end();
    return status;
  }
  res.end(bytes);
  return status;
}

/** The early answer of a fault that stops processing (`error` is handled by the caller), if any. */
export function faultAnswer(fault: Fault, now: () => number): SimResponse | undefined {
  if (fault.kind === "non-json") {
    return {
      status: fault.status ?? 502,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: fault.body ?? "<html><body><h1>502 Bad Gateway</h1></body></html>",
    };
  }
  if (fault.kind !== "status") return undefined;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
  if (fault.retryAfterDateMs !== undefined) {
    headers["retry-after"] = new Date(now() + fault.retryAfterDateMs).toUTCString();
  }
  const json = fault.body ?? { error: `simulated HTTP ${fault.status}` };
  return { status: fault.status, headers, ...(typeof json === "string" ? { body: json } : { json }) };
}
