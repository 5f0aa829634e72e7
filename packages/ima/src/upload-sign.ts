import { createHash, randomBytes } from "node:crypto";

/** The upload service's request signature: `upper(hex(sha1("{appId}|{appKey}|{ts}|{nonce}")))`. */
export function uploadSign(appId: string, appKey: string, timestamp: string, nonce: string): string {
  return createHash("sha1").update(`${appId}|${appKey}|${timestamp}|${nonce}`).digest("hex").toUpperCase();
}

/** A fresh nonce of 21 hex characters, as the vendor's client sends. */
export function uploadNonce(): string {
  return randomBytes(11).toString("hex").slice(0, 21);
}
