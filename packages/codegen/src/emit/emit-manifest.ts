import { getBaseUrl, getHosts, type VendorManifest } from "@gen/spec";
import type { EmitContext } from "./emit-context.js";
import { credentialOptions } from "./emit-vendor.js";
import { genHeader } from "./header.js";
import { oneLineSummary } from "./one-line-summary.js";

/** The part of a vendor's manifest the catalog determines (the package's `src/manifest.ts` adds the rest). */
export function manifestData(ctx: EmitContext): VendorManifest {
  const envBase = `GEN_${ctx.vendor.id.toUpperCase()}`;
  return {
    manifestVersion: 1,
    id: ctx.vendor.id,
    displayName: ctx.vendor.displayName,
    packageName: ctx.vendor.packageName,
    factory: ctx.factory,
    baseUrl: getBaseUrl(ctx.model),
    hosts: getHosts(ctx.model),
    env: {
      credentials: credentialOptions(ctx),
      baseUrl: `${envBase}_BASE_URL`,
      connectTo: `${envBase}_CONNECT_TO`,
    },
    operations: ctx.plans.map((p) => {
      const summary = oneLineSummary(p.summary, p.description, p.name);
      return { id: p.id, name: p.name, kind: p.kind, task: p.task, ...(summary ? { summary } : {}) };
    }),
  };
}

/** `manifest.gen.ts`: the generated manifest data (JSON only; the runtime re-exports the type). */
export function emitManifest(ctx: EmitContext): string {
  const data = manifestData(ctx);
  // One line per operation (the rest pretty-printed): a catalog change still diffs per operation.
  const operations = data.operations.length
    ? `[\n${data.operations.map((o) => `    ${JSON.stringify(o)}`).join(",\n")}\n  ]`
    : "[]";
  const text = JSON.stringify({ ...data, operations: [] }, null, 2).replace(
    '"operations": []',
    () => `"operations": ${operations}`,
  );
  return `${genHeader(ctx.catalog)}
import type { VendorManifest } from "@gen/runtime";

/** What ${ctx.vendor.displayName}'s package says about itself (see \`src/manifest.ts\`). */
export const generatedManifest: VendorManifest = ${text};
`;
}

/** The hand-written \`src/manifest.ts\`, seeded once: add \`cli\` or \`simulator\` entries there. */
export const MANIFEST_SEED = `import type { VendorManifest } from "@gen/runtime";
import { generatedManifest } from "./manifest.gen.js";

/** This package's manifest: the generated part, plus any hand-written CLI entry points or simulator plugin. */
export const manifest: VendorManifest = { ...generatedManifest };
`;
