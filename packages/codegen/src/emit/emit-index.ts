import type { EmitContext } from "./emit-context.js";
import { genHeader } from "./header.js";

/** `index.gen.ts`: re-exports every emitted module. */
export function emitIndex(ctx: EmitContext, modules: readonly string[]): string {
  const lines = [genHeader(ctx.catalog)];
  for (const m of modules) lines.push(`export * from "./${m.replace(/\.ts$/, ".js")}";`);
  lines.push(`export type * as Wire from "./wire.gen.js";`, "");
  return lines.join("\n");
}
