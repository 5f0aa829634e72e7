/**
 * The upload service's request signature: `upper(hex(sha1("{appId}|{appKey}|{ts}|{nonce}")))`,
 * computed with Web Crypto (Node 20+, browsers, edge runtimes).
 */
export async function uploadSign(
  appId: string,
  appKey: string,
  timestamp: string,
  nonce: string,
): Promise<string> {
  const bytes = new TextEncoder().encode(`${appId}|${appKey}|${timestamp}|${nonce}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** A fresh nonce of 21 hex characters, as the vendor's client sends. */
export function uploadNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(11));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0"))
    .join("")
    .slice(0, 21);
}
