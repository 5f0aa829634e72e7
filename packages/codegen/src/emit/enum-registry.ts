import type { JsonSchema } from "@gen/spec";
import { pascalCase } from "./names.js";

/** A named enum (`x-gen-enum-names`) emitted as a const object + union type. */
export interface NamedEnum {
  name: string;
  values: unknown[];
  names: string[];
  description?: string;
}

/** Collects named enums by type name; the first schema registered under a name wins. */
export class EnumRegistry {
  readonly enums: Map<string, NamedEnum> = new Map();

  /** Registers `schema` (when it has names) and returns its type name. */
  register(schema: JsonSchema, suggestedName: string): string | undefined {
    const names = schema["x-gen-enum-names"];
    if (!schema.enum || !names || names.length !== schema.enum.length) return undefined;
    const name = pascalCase(suggestedName);
    if (!this.enums.has(name)) {
      const entry: NamedEnum = { name, values: schema.enum, names: names.map((n) => pascalCase(n)) };
      if (schema.description) entry.description = schema.description;
      this.enums.set(name, entry);
    }
    return name;
  }
}
