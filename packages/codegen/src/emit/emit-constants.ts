import type { EmitContext } from "./emit-context.js";
import { genHeader } from "./header.js";
import { camelCase } from "./names.js";

/** `constants.gen.ts`: each `x-gen-constants` entry as a typed `as const` value. */
export function emitConstants(ctx: EmitContext): string | undefined {
  const constants = ctx.model["x-gen-constants"];
  if (!constants || Object.keys(constants).length === 0) return undefined;
  const out: string[] = [genHeader(ctx.catalog)];
  for (const name of Object.keys(constants).sort()) {
    const c = constants[name];
    if (!c) continue;
    const doc = c.description?.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
    if (doc) out.push(`/** ${doc} */`);
    out.push(`export const ${camelCase(name)} = ${JSON.stringify(c.value ?? null, null, 2)} as const;`, "");
  }
  return out.join("\n");
}
