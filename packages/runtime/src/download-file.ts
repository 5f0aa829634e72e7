import { writeBodyToFile } from "#write-file";
import { SENSITIVE_HEADERS } from "./auth-headers.js";
import type { ClientContext } from "./client-context.js";
import { fileNameFor } from "./download/file-name-for.js";
import { InvalidResponseError } from "./errors/invalid-response-error.js";
import { LimitExceededError } from "./errors/limit-exceeded-error.js";
import { checkUrl } from "./host-policy.js";
import { mapVendorError } from "./map-vendor-error.js";
import { sendExchange } from "./send-exchange.js";
import type { DownloadOptions, DownloadResult } from "./types.js";
import { withDeadline } from "./with-deadline.js";

/** Default per-download timeout (whole transfer). */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * Stream `url` to a new file in `dir`: every hop is checked against the API and results hosts,
 * credentials go only to credentialed hosts, `accept` and `maxBytes` are enforced before and
 * while writing, and an existing file is never overwritten. Node only (file system).
 */
export function downloadFile(
  ctx: ClientContext,
  url: string,
  dir: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  return receiveDownload(ctx, url, options, async (body, contentType, maxBytes, limit) => {
    const fileName = fileNameFor(url, contentType, options.fileName);
    return writeBodyToFile({ dir, fileName, body, maxBytes, limit });
  });
}

/**
 * The checked transfer behind `downloadFile` and `downloadBytes`: host policy on every hop,
 * credentials only to credentialed hosts, status, `accept` and declared size checked before
 * `sink` consumes the body (which enforces `maxBytes` while reading); one overall deadline.
 */
export async function receiveDownload<Out extends object>(
  ctx: ClientContext,
  url: string,
  options: DownloadOptions,
  sink: (
    body: AsyncIterable<Uint8Array>,
    contentType: string,
    maxBytes: number,
    limit: string,
  ) => Promise<Out>,
): Promise<Out & { contentType: string; url: string }> {
  const { vendor } = ctx;
  const baseUrl = ctx.baseUrl;
  const hosts = [...vendor.hosts.api, ...(vendor.hosts.results ?? [])];
  const policy = { hosts, allowInsecureLoopback: ctx.allowInsecureLoopback };
  // The caller's own timeout wins; the whole transfer (headers and every body chunk) is under it.
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? ctx.limits.maxDownloadBytes;
  const limit = options.maxBytes !== undefined ? "maxBytes" : "maxDownloadBytes";
  return withDeadline(options.signal, timeoutMs, `download ${url.replace(/[?#].*$/, "")}`, async (signal) => {
    const first = checkUrl(url, policy);
    const needsAuth = ctx.credentialed(first, baseUrl);
    const auth = needsAuth ? ctx.auth() : undefined;
    const headers: Record<string, string> = { "user-agent": ctx.userAgent, ...auth?.headers };
    const { response, url: finalUrl } = await sendExchange(ctx.transport, {
      url,
      method: "GET",
      headers,
      signal,
      policy,
      credentialed: (u) => ctx.credentialed(u, baseUrl),
      credentialHeaders: [...(auth?.headerNames ?? []), ...SENSITIVE_HEADERS],
    });
    if (response.status < 200 || response.status >= 300) {
      await response.dump();
      throw mapVendorError(vendor, { status: response.status, language: ctx.options.language });
    }
    const contentType = response.headers["content-type"] ?? "application/octet-stream";
    const type = contentType.split(";")[0]!.trim().toLowerCase();
    if (options.accept?.length && !options.accept.some((a) => type.startsWith(a.toLowerCase()))) {
      await response.dump();
      throw new InvalidResponseError(
        `Download has content type ${type}; accepted: ${options.accept.join(", ")}`,
        {
          vendor: vendor.id,
          status: response.status,
        },
      );
    }
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.dump();
      throw new LimitExceededError(limit, maxBytes, `A download of ${declared} bytes`, {
        vendor: vendor.id,
        status: response.status,
      });
    }
    const received = await sink(response.body, contentType, maxBytes, limit);
    return { ...received, contentType, url: finalUrl };
  });
}
