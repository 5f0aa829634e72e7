import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { findResultUrls, isGenError } from "@gen/runtime";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { GenTool } from "./build-tools.js";

/** The output schema every tool declares: the vendor's result, its URLs and downloaded files. */
export const OUTPUT_SCHEMA: {
  type: "object";
  properties: Record<string, { description: string; type?: string; items?: { type: string } }>;
  required: string[];
} = {
  type: "object",
  properties: {
    result: { description: "the vendor's decoded result" },
    urls: { type: "array", items: { type: "string" }, description: "result URLs (also as resource links)" },
    files: { type: "array", items: { type: "string" }, description: "downloaded files (--download)" },
  },
  required: ["urls"],
};

/** A result as text, structured content and one resource link per URL (and per downloaded file). */
export async function toolResult(
  tool: GenTool,
  result: unknown,
  downloadDir?: string,
): Promise<CallToolResult> {
  const urls = findResultUrls(result, tool.urlPaths);
  const files: string[] = [];
  if (downloadDir !== undefined) {
    for (const url of urls) files.push((await tool.client.runtime.download(url, downloadDir)).path);
  }
  const links = [
    ...urls.map((uri) => ({ type: "resource_link" as const, uri, name: nameOf(uri) })),
    ...files.map((path) => ({
      type: "resource_link" as const,
      uri: pathToFileURL(path).href,
      name: basename(path),
    })),
  ];
  const structured = { result, urls, ...(downloadDir !== undefined ? { files } : {}) };
  return {
    content: [{ type: "text", text: JSON.stringify(structured) }, ...links],
    structuredContent: structured,
  };
}

/**
 * A failure as a tool error the model can read and act on: the message (it names the field and
 * the rule for invalid input), the error kind, the vendor's code and request id. No stack, no secret.
 */
export function toolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: "text", text: toolErrorText(error) }] };
}

/** The text of {@link toolError}: message, then the error's details as JSON. */
export function toolErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const details: Record<string, unknown> = {};
  if (isGenError(error)) {
    const e = error as unknown as Record<string, unknown>;
    for (const key of [
      "kind",
      "vendor",
      "code",
      "status",
      "requestId",
      "field",
      "rule",
      "reason",
      "issues",
    ]) {
      if (e[key] !== undefined) details[key] = e[key];
    }
  }
  return Object.keys(details).length > 0 ? `${message}\n${JSON.stringify(details)}` : message;
}

function nameOf(url: string): string {
  try {
    return basename(new URL(url).pathname) || url;
  } catch {
    return url;
  }
}
