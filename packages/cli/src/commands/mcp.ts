import { resolve } from "node:path";
import type { McpVendor } from "@gen/mcp";
import { usageError } from "../cli-error.js";
import { type CliIo, interruption, println } from "../cli-io.js";
import { discoverVendors } from "../discover-vendors.js";
import { baseUrlFor, openClient, requireVendorEntry } from "../open-vendor.js";
import { boolFlag, listFlag, parseCommandArgs, pollMsFlag, stringFlag } from "../parse-command-args.js";
import { vendorModel } from "../vendor-model.js";
import { loadVendor, type VendorEntry } from "../vendors.js";

/**
 * `gen mcp [VENDOR...] [--http [--port N]] [--operation NAME...] [--download DIR] [--poll-ms MS]`:
 * an MCP server over stdio (default) or Streamable HTTP on 127.0.0.1. Credentials come from the
 * server's environment only (`gen list` names the variables); `GEN_<VENDOR>_BASE_URL` and
 * `GEN_<VENDOR>_CONNECT_TO` point it at simulators.
 */
export async function mcpCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs("mcp", args, {
    http: { type: "boolean" },
    port: { type: "string" },
    operation: { type: "string", short: "o", multiple: true },
    download: { type: "string", short: "d" },
    "poll-ms": { type: "string" },
  });
  const port = portFlag(stringFlag(parsed, "port"));
  if (port !== undefined && !boolFlag(parsed, "http")) throw usageError("--port needs --http");
  const entries = parsed.positionals.length
    ? await Promise.all(parsed.positionals.map((id) => requireVendorEntry(io.cwd, id)))
    : await discoverVendors(io.cwd);
  const vendors = (await Promise.all(entries.map((entry) => openMcpVendor(entry, io)))).filter(
    (v): v is McpVendor => v !== undefined,
  );
  if (vendors.length === 0) throw usageError("No vendor package is installed; run `gen list`.");
  const { buildTools, serveHttp, serveStdio, TaskBook } = await import("@gen/mcp");
  const tools = buildTools(vendors, { operations: listFlag(parsed, "operation") });
  if (tools.length === 0) throw usageError("No operation matches --operation; run `gen list` for the names.");
  const download = stringFlag(parsed, "download");
  const options = {
    tools,
    downloadDir: download === undefined ? undefined : resolve(io.cwd, download),
    pollMs: pollMsFlag(parsed),
    book: new TaskBook(),
  };
  const what = `${tools.length} tools (${vendors.map((v) => v.id).join(", ")})`;
  if (!boolFlag(parsed, "http")) {
    println(io.stderr, `gen mcp: serving ${what} over stdio`);
    await serveStdio(options);
    return 0;
  }
  const endpoint = await serveHttp({ ...options, ...(port === undefined ? {} : { port }) });
  const interrupted = interruption(io);
  println(io.stderr, `gen mcp: serving ${what} over Streamable HTTP`);
  println(io.stdout, `mcp: ${endpoint.url}`);
  await interrupted;
  await endpoint.close();
  return 0;
}

/** A vendor's package, client (credentials from the environment only) and shipped model. */
async function openMcpVendor(entry: VendorEntry, io: CliIo): Promise<McpVendor | undefined> {
  const loaded = await loadVendor(entry);
  if (!loaded) return undefined;
  const client = openClient(loaded, io, { baseUrl: baseUrlFor(entry.id, io) });
  return {
    id: entry.id,
    module: loaded.module,
    client,
    model: (await vendorModel(entry)).model,
    summaries: Object.fromEntries(
      (entry.manifest?.operations ?? []).flatMap((op) => (op.summary ? [[op.id, op.summary]] : [])),
    ),
    entryPoints: loaded.entryPoints,
  };
}

function portFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw usageError(`--port must be 0-65535, got "${raw}"`);
  return n;
}
