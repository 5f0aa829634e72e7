import type { EmitContext } from "./emit-context.js";
import { genHeader } from "./header.js";

/** `index.gen.ts`: re-exports every emitted module (and the wire types as `Wire`, when emitted). */
export function emitIndex(ctx: EmitContext, modules: readonly string[], wire = true): string {
  const lines = [genHeader(ctx.catalog)];
  for (const m of modules) lines.push(`export * from "./${m.replace(/\.ts$/, ".js")}";`);
  if (wire) lines.push(`export type * as Wire from "./wire.gen.js";`);
  lines.push("");
  return lines.join("\n");
}
