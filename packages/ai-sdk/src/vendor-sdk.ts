import type { CallOptions, OperationDefinition, StandardSchemaV1, VendorClient } from "@gen/runtime";

/** The surface of a generated client the providers use (every generated package has it). */
export interface GenClientLike {
  call(nameOrAlias: string, input: unknown, options?: CallOptions): Promise<unknown>;
  readonly runtime: VendorClient;
}

/** A vendor package's module namespace (`import * as sdk from "@gen/mediaio"`). */
export type VendorModule = Record<string, unknown>;

/** Top-level input fields of an operation and their allowed values (from its exported zod schema). */
export interface FieldInfo {
  type?: string;
  enum?: readonly unknown[];
}

/** `{ field: { type, enum } }` of an operation's input, read from the zod (mini) shape. */
export function inputFields(op: OperationDefinition, module: VendorModule): Record<string, FieldInfo> {
  const exported = module[`${op.id}InputSchema`];
  const schema = (typeof exported === "function" ? exported() : undefined) as StandardSchemaV1 | undefined;
  const shape = (schema as unknown as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod?.def
    ?.shape;
  const out: Record<string, FieldInfo> = {};
  for (const [name, field] of Object.entries(shape ?? {})) out[name] = describeField(field);
  return out;
}

function describeField(field: unknown): FieldInfo {
  let def = (field as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  while (def && (def.type === "optional" || def.type === "default" || def.type === "nullable")) {
    def = (def.innerType as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  }
  if (!def) return {};
  if (def.type === "enum")
    return { type: "enum", enum: Object.values(def.entries as Record<string, unknown>) };
  if (def.type === "literal") return { type: "literal", enum: def.values as unknown[] };
  return { type: String(def.type) };
}
