/**
 * The helpers a `schemas.gen.ts` declares once and calls per field (`str()` is
 * `z.string(e("must be a string"))`, `minC(1)` is `z.minLength(1, "must be at least 1 characters")`):
 * each builds its rule and its message from its arguments, so a field's rules are written as short
 * calls and the messages stay exactly the runtime's. Only the helpers the body calls are declared.
 */
const HELPERS: ReadonlyArray<readonly [name: string, declaration: string]> = [
  [
    "Issue",
    "type Issue = { readonly code?: string; readonly input?: unknown; readonly keys?: readonly string[] };",
  ],
  [
    "e",
    `const e = (message: string) => ({ error: (issue: Issue) => (issue.input === undefined ? "is required" : message) });`,
  ],
  [
    "o",
    `const o = {
  error: (issue: Issue) =>
    issue.code === "unrecognized_keys"
      ? \`unknown field(s) \${(issue.keys ?? []).join(", ")}: send fields the catalog does not know with CallOptions.extraBody\`
      : issue.input === undefined
        ? "is required"
        : "must be an object",
};`,
  ],
  [
    "ck",
    "const ck = <S extends z.ZodMiniType>(s: S, c: z.core.$ZodCheck<z.output<S>>[]): S => (c.length ? s.check(...c) : s);",
  ],
  ["str", `const str = (...c: z.core.$ZodCheck<string>[]) => ck(z.string(e("must be a string")), c);`],
  [
    "url",
    `const url = (...c: z.core.$ZodCheck<string>[]) => ck(z.url({ protocol: /^https?$/, ...e("must be an http(s) URL") }), c);`,
  ],
  ["int", `const int = (...c: z.core.$ZodCheck<number>[]) => ck(z.int(e("must be an integer")), c);`],
  ["num", `const num = (...c: z.core.$ZodCheck<number>[]) => ck(z.number(e("must be a number")), c);`],
  ["bool", `const bool = () => z.boolean(e("must be a boolean"));`],
  [
    "arr",
    `const arr = <T extends z.core.SomeType>(item: T, ...c: z.core.$ZodCheck<unknown[]>[]) => ck(z.array(item, e("must be an array")), c);`,
  ],
  ["opt", "const opt = <T extends z.core.SomeType>(t: T) => z.optional(t);"],
  ["obj", "const obj = <S extends z.core.$ZodLooseShape>(shape: S) => z.strictObject(shape, o);"],
  ["loose", "const loose = <S extends z.core.$ZodLooseShape>(shape: S) => z.looseObject(shape, o);"],
  [
    "lit",
    `const lit = <const V extends z.core.util.Literal>(v: V) => z.literal(v, e(\`must be \${JSON.stringify(v)}\`));`,
  ],
  [
    "oneOf",
    `const oneOf = <const V extends readonly string[]>(values: V) => z.enum(values, e(\`must be one of: \${values.join(", ")}\`));`,
  ],
  [
    "lits",
    `const lits = <const V extends readonly z.core.util.Literal[]>(values: V) => z.literal(values, e(\`must be one of: \${values.map((v) => String(v)).join(", ")}\`));`,
  ],
  ["minC", `const minC = (n: number) => z.minLength(n, \`must be at least \${n} characters\`);`],
  ["maxC", `const maxC = (n: number) => z.maxLength(n, \`must be at most \${n} characters\`);`],
  ["minI", `const minI = (n: number) => z.minLength(n, \`must have at least \${n} item(s)\`);`],
  ["maxI", `const maxI = (n: number) => z.maxLength(n, \`must have at most \${n} item(s)\`);`],
  ["gte", `const gte = (n: number) => z.gte(n, \`must be >= \${n}\`);`],
  ["gt", `const gt = (n: number) => z.gt(n, \`must be > \${n}\`);`],
  ["lte", `const lte = (n: number) => z.lte(n, \`must be <= \${n}\`);`],
  ["lt", `const lt = (n: number) => z.lt(n, \`must be < \${n}\`);`],
  ["re", `const re = (pattern: string) => z.regex(new RegExp(pattern), \`must match \${pattern}\`);`],
  [
    "lazy",
    `const lazy = <S>(build: () => S): (() => S) => {
  let built: S | undefined;
  return () => (built ??= build());
};`,
  ],
];

/** The declarations of the helpers `code` (the file's body and hoisted declarations) uses, in order. */
export function zodPreamble(code: string): string[] {
  const used = new Set<string>();
  // A helper's own declaration may call others (`str` calls `ck` and `e`): walk back to front.
  let text = code;
  for (const [name, declaration] of [...HELPERS].reverse()) {
    if (!new RegExp(`(?<![\\w$."])${name}\\b(?![":])`).test(text)) continue;
    used.add(name);
    text += `\n${declaration}`;
  }
  return HELPERS.filter(([name]) => used.has(name)).map(([, declaration]) => declaration);
}
