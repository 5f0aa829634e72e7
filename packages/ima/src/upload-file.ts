import {
  GenError,
  HostNotAllowedError,
  hostMatches,
  InvalidRequestError,
  isGenError,
  isLoopbackHost,
  type VendorClient,
} from "@gen/runtime";
import { localFileSize, readLocalFile } from "#local-file";
import { UPLOAD_MAX_BYTES, uploadType } from "./upload-limits.js";
import { uploadNonce, uploadSign } from "./upload-sign.js";

const basename = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** Where and how local files are uploaded. */
export interface UploadConfig {
  /** Upload service origin (default `https://imapi.liveme.com`); must be a credentialed host. */
  baseUrl: string;
  /** The account's api key: the upload service authenticates with it (query `appUid`, `cmimToken`). */
  apiKey: string;
  /** Public client constants of the vendor's app (`appId` webAgent, `appKey`). */
  appId: string;
  appKey: string;
  /** Field name used in errors (`images[0]`). */
  field: string;
  /** Clock in seconds (tests). */
  nowSeconds?: () => number;
}

const UPLOAD_FAILED = {
  en: "Input image processing failed, check format or try another image",
  zh: "输入图片处理失败,请检查图片格式或换张图",
};

function uploadError(message: string, language: string | undefined, cause?: unknown): GenError {
  const userMessage = language?.startsWith("zh") ? UPLOAD_FAILED.zh : UPLOAD_FAILED.en;
  return new GenError("invalid_response", `IMA upload failed: ${message}`, {
    vendor: "ima",
    userMessage,
    cause,
  });
}

/** The api key may only travel to a host the catalog lists as credentialed (or opted-in loopback). */
function assertCredentialed(client: VendorClient, baseUrl: string): void {
  const url = new URL(baseUrl);
  const allowed = client.vendor.hosts.credentialed ?? [];
  const loopback = client.options.allowInsecureLoopback === true && isLoopbackHost(url.hostname);
  if (loopback || (url.protocol === "https:" && hostMatches(url.host, allowed))) return;
  throw new HostNotAllowedError(url.host, allowed, "upload service not listed as credentialed", {
    vendor: "ima",
  });
}

/**
 * Upload a local file through the vendor's upload service and return its CDN URL (`fdl`): the
 * size cap of its kind is checked first, then a signed token request (the api key travels to
 * the upload host, which must be listed as credentialed), then a `PUT` of the bytes to `ful`.
 */
export async function uploadFile(client: VendorClient, path: string, config: UploadConfig): Promise<string> {
  const type = uploadType(path);
  const issue = (rule: string, message: string) =>
    InvalidRequestError.fromIssues([{ field: config.field, rule, message }]);
  if (!type) throw issue("file_type", `unsupported file type: ${basename(path)}`);
  const size = await localFileSize(path);
  if (size < 0) throw issue("file_exists", `not a readable file: ${basename(path)}`);
  const max = UPLOAD_MAX_BYTES[type.kind];
  if (size > max)
    throw issue("max_size", `${basename(path)} is ${size} bytes; ${type.kind} uploads allow at most ${max}`);
  assertCredentialed(client, config.baseUrl);
  const timestamp = String(Math.floor(config.nowSeconds?.() ?? Date.now() / 1000));
  const nonce = uploadNonce();
  const sign = await uploadSign(config.appId, config.appKey, timestamp, nonce);
  const language = client.options.language;
  let token: { code?: unknown; message?: unknown; data?: { ful?: unknown; fdl?: unknown } };
  try {
    const res = await client.request<typeof token>({
      method: "GET",
      path: `${config.baseUrl.replace(/\/+$/, "")}/api/rest/oss/getuploadtoken`,
      query: {
        appUid: config.apiKey,
        appId: config.appId,
        appKey: config.appKey,
        cmimToken: config.apiKey,
        sign,
        timestamp,
        nonce,
        fService: "privite",
        fType: type.kind,
        fSuffix: type.suffix,
        fContentType: type.contentType,
      },
      kind: "read",
      raw: true,
      auth: false,
    });
    token = res.data ?? {};
  } catch (error) {
    // Never echo the request (its query carries the api key).
    throw uploadError(`token request failed (${isGenError(error) ? error.kind : "error"})`, language);
  }
  const { ful, fdl } = token.data ?? {};
  if (String(token.code) !== "0" || typeof ful !== "string" || typeof fdl !== "string") {
    const why = String(token.code) !== "0" ? `code ${String(token.code)}` : "no ful/fdl in the answer";
    throw uploadError(`token refused (${why})`, language);
  }
  const bytes = await readLocalFile(path);
  try {
    await client.request({
      method: "PUT",
      path: ful,
      headers: { "Content-Type": type.contentType },
      body: bytes,
      kind: "upload",
      raw: true,
      auth: false,
    });
  } catch (error) {
    throw uploadError(`PUT of ${basename(path)} failed`, language, error);
  }
  return fdl;
}
