import type { EmitContext } from "./emit-context.js";
import { genHeader } from "./header.js";
import { literal, propKey } from "./names.js";

/** `enums.gen.ts`: each `x-gen-enum-names` enum as a named const object plus its union type. */
export function emitEnums(ctx: EmitContext): string | undefined {
  const enums = [...ctx.enums.enums.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (enums.length === 0) return undefined;
  const out: string[] = [genHeader(ctx.catalog)];
  for (const en of enums) {
    const doc = en.description?.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
    out.push(`/** ${doc ?? en.name} */`, `export const ${en.name} = {`);
    en.names.forEach((n, i) => {
      out.push(`  ${propKey(n)}: ${literal(en.values[i])},`);
    });
    out.push("} as const;", `export type ${en.name} = (typeof ${en.name})[keyof typeof ${en.name}];`, "");
  }
  return out.join("\n");
}
