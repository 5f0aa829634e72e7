import {
  type CallOptions,
  type DownloadResult,
  InvalidRequestError,
  InvalidResponseError,
} from "@gen/runtime";
import { type EdrawmaxClient, edrawmax } from "./client.gen.js";
import { DiagramDownloadError } from "./diagram-download-error.js";
import { type DiagramType, diagramMethods, isDiagramType } from "./diagram-type.js";
import { checkSniffedFile, GENERIC_TYPES } from "./sniff-diagram-file.js";
import type { GenerateFlowchartInput } from "./types.gen.js";

/** Input shared by the four diagram operations. */
export type DiagramInput = GenerateFlowchartInput;

/** Default cap per result file (bytes). */
export const DEFAULT_DIAGRAM_MAX_BYTES: number = 20 * 1024 * 1024;

const FILES = {
  png: { field: "pngUrl", accept: ["image/png", ...GENERIC_TYPES] },
  svg: { field: "svgUrl", accept: ["image/svg+xml", ...GENERIC_TYPES] },
} as const;
type Format = keyof typeof FILES;

/** Options of {@link generateAndDownload}. */
export interface GenerateAndDownloadOptions {
  /** Client to use (default: the `edrawmax` instance). */
  client?: EdrawmaxClient;
  /** Directory for the files (created when missing; default `edrawmax_output`). */
  dir?: string;
  /** File name stem (default `<type>-<yyyymmdd-hhmmss>`); taken names get `-1`, `-2`… */
  fileName?: string;
  /** Refuse a result file larger than this (bytes; default 20 MiB). */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Options of the generation call (timeout, headers, extra body fields). */
  call?: CallOptions;
}

/**
 * A generated diagram saved to disk. Like the vendor's script (`{"png_path": ""}`), a file the
 * vendor did not link (an empty `png_url` or `svg_url`) is not saved: its path and URL are `""`.
 */
export interface DiagramFiles {
  type: DiagramType;
  pngPath: string;
  svgPath: string;
  pngUrl: string;
  svgUrl: string;
  /** Mermaid for a flowchart, the vendor's `source_code` for the others. */
  source: string;
  /** The operation's whole output, raw vendor fields included. */
  output: Record<string, unknown>;
}

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

function checkOptions(type: unknown, options: GenerateAndDownloadOptions): void {
  const bad = (field: string, rule: string, message: string) =>
    InvalidRequestError.fromIssues([{ field, rule, message }], { vendor: "edrawmax" });
  if (!isDiagramType(type))
    throw bad("type", "enum", `must be one of: ${Object.keys(diagramMethods).join(", ")}`);
  if (options.dir !== undefined && (typeof options.dir !== "string" || options.dir === "")) {
    throw bad("dir", "minLength", "must be a non-empty string");
  }
  const max = options.maxBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0))
    throw bad("maxBytes", "minimum", "must be a positive integer");
}

/** The URL in `field`, `""` when the vendor left it empty; not a string at all is a bad response. */
function urlField(output: Record<string, unknown>, field: string): string {
  const value = output[field] ?? "";
  if (typeof value !== "string") {
    throw new InvalidResponseError(`EdrawMax response field \`${field}\` is not a string`, {
      vendor: "edrawmax",
      raw: JSON.stringify(output)?.slice(0, 2000) ?? "",
    });
  }
  return value;
}

/**
 * Generates a diagram and saves its PNG and SVG, returning local paths, URLs and source. Files
 * come only over https from the vendor's result hosts (every redirect hop checked), are written
 * atomically under a size cap with the content type checked, and never overwrite an existing
 * file. When a download fails after generation, a {@link DiagramDownloadError} keeps what was made.
 */
export async function generateAndDownload(
  type: DiagramType,
  input: DiagramInput,
  options: GenerateAndDownloadOptions = {},
): Promise<DiagramFiles> {
  checkOptions(type, options);
  const client = options.client ?? edrawmax;
  const call =
    options.signal && !options.call?.signal ? { ...options.call, signal: options.signal } : options.call;
  const output = (await client[diagramMethods[type]](input, call)) as unknown;
  if (output === null || typeof output !== "object" || Array.isArray(output)) {
    throw new InvalidResponseError("EdrawMax response data is not an object", {
      vendor: "edrawmax",
      raw: JSON.stringify(output) ?? "",
    });
  }
  const record = output as Record<string, unknown>;
  const diagram = {
    type,
    pngUrl: urlField(record, "pngUrl"),
    svgUrl: urlField(record, "svgUrl"),
    source: typeof record["source"] === "string" ? record["source"] : "",
    output: record,
  };
  if (!diagram.pngUrl && !diagram.svgUrl) {
    throw new InvalidResponseError("EdrawMax response has neither `png_url` nor `svg_url`", {
      vendor: "edrawmax",
      raw: JSON.stringify(output)?.slice(0, 2000) ?? "",
    });
  }
  const stem = options.fileName ?? `${type}-${stamp(new Date())}`;
  const save = async (format: Format): Promise<DownloadResult | undefined> => {
    const url = diagram[FILES[format].field];
    if (!url) return undefined;
    const saved = await client.runtime.download(url, options.dir ?? "edrawmax_output", {
      fileName: `${stem}.${format}`,
      accept: FILES[format].accept,
      maxBytes: options.maxBytes ?? DEFAULT_DIAGRAM_MAX_BYTES,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    await checkSniffedFile(format, saved.path, saved.contentType);
    return saved;
  };
  const [png, svg] = await Promise.allSettled([save("png"), save("svg")]);
  const paths = (p: typeof png, key: "pngPath" | "svgPath") =>
    p.status === "fulfilled" && p.value ? { [key]: p.value.path } : {};
  if (png.status === "fulfilled" && svg.status === "fulfilled") {
    return { ...diagram, pngPath: png.value?.path ?? "", svgPath: svg.value?.path ?? "" };
  }
  throw new DiagramDownloadError(
    { ...diagram, ...paths(png, "pngPath"), ...paths(svg, "svgPath") },
    {
      ...(png.status === "rejected" ? { png: png.reason as Error } : {}),
      ...(svg.status === "rejected" ? { svg: svg.reason as Error } : {}),
    },
  );
}
