import { redact } from "@gen/runtime";
import { usageError } from "./cli-error.js";
import type { CliIo } from "./cli-io.js";
import { connectToFetch, parseConnectTo } from "./connect-to.js";
import { discoverVendors } from "./discover-vendors.js";
import { addRedactor } from "./redacting-io.js";
import {
  type FactoryOptions,
  findVendor,
  type GeneratedClient,
  type LoadedVendor,
  loadVendor,
  type VendorEntry,
} from "./vendors.js";

/** Connection flags shared by `call` and `wait`. */
export interface ConnectionFlags {
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  appKey?: string | undefined;
  appSecret?: string | undefined;
  /** `host=loopback URL` pairs: reach a vendor host name at a simulator's loopback twin. */
  connectTo?: readonly string[] | undefined;
}

/** The discovered vendor with an id (from `cwd`); a usage error lists the known vendors. */
export async function requireVendorEntry(cwd: string, id: string): Promise<VendorEntry> {
  const entry = await findVendor(cwd, id);
  if (!entry) {
    const known = (await discoverVendors(cwd)).map((v) => v.id).join(", ");
    throw usageError(`Unknown vendor "${id}"`, `Known vendors: ${known}`);
  }
  return entry;
}

/** Loads a vendor package by id; a usage error lists the known vendors, or says it is not installed. */
export async function requireVendor(cwd: string, id: string): Promise<LoadedVendor> {
  const entry = await requireVendorEntry(cwd, id);
  const loaded = await loadVendor(entry);
  if (!loaded) {
    throw usageError(
      `The vendor package ${entry.packageName} is not installed (or not generated yet)`,
      "Run `gen list` to see the vendors that are available.",
    );
  }
  return loaded;
}

/**
 * The base URL to use: `--base-url`, else `GEN_<VENDOR>_BASE_URL`, else `fallback` (a stored
 * handle's), else the vendor's default.
 */
export function baseUrlFor(vendor: string, io: CliIo, flag?: string, fallback?: string): string | undefined {
  return flag ?? io.env[`GEN_${vendor.toUpperCase()}_BASE_URL`] ?? fallback;
}

/** True for http(s) URLs on 127.0.0.1, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
    return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** Creates a client; a loopback base URL implies the runtime's loopback opt-in. */
export function openClient(vendor: LoadedVendor, io: CliIo, flags: ConnectionFlags): GeneratedClient {
  const options: FactoryOptions = { env: io.env, userAgent: "gen-cli" };
  if (flags.baseUrl !== undefined) {
    try {
      new URL(flags.baseUrl);
    } catch {
      throw usageError(`--base-url must be an absolute URL, got "${flags.baseUrl}"`);
    }
    options.baseUrl = flags.baseUrl;
    if (isLoopbackUrl(flags.baseUrl)) options.allowInsecureLoopback = true;
  }
  const connectTo = [...(flags.connectTo ?? [])];
  const fromEnv = io.env[`GEN_${vendor.entry.id.toUpperCase()}_CONNECT_TO`];
  if (fromEnv) connectTo.push(...fromEnv.split(",").filter(Boolean));
  if (connectTo.length > 0) options.fetch = connectToFetch(parseConnectTo(connectTo));
  if (flags.apiKey !== undefined) options.apiKey = flags.apiKey;
  if (flags.appKey !== undefined) options.appKey = flags.appKey;
  if (flags.appSecret !== undefined) options.appSecret = flags.appSecret;
  const client = vendor.create(options);
  const secrets = [flags.apiKey, flags.appKey, flags.appSecret].filter(
    (v): v is string => !!v && v.length >= 4,
  );
  addRedactor(io, (text) => redact(client.runtime.redact ? client.runtime.redact(text) : text, secrets));
  return client;
}
