/** Shorter pieces stay inline: a name would save little and hide the values from the reader. */
const MIN_LENGTH = 80;

/** One kind of repeated piece: what to look for, and how a hoisted one is declared and used. */
export interface HoistKind {
  /** Global regex; its group `text` is hoisted, its optional group `hint` suggests the name. */
  pattern: RegExp;
  /** The declaration of `name` holding `text`. */
  declare: (name: string, text: string) => string;
  /** What replaces the text at each use. */
  use: (name: string) => string;
  /** Name of the n-th hoisted piece (1-based), from the first use's `hint` group when there is one. */
  name: (n: number, hint: string | undefined) => string;
}

/**
 * Long pieces (enum value lists, their messages, literal unions) that one emitted file writes more
 * than once become one declaration each, referenced by name: a file of many operations that share
 * a long enum carries its values once. Returns the declarations and the rewritten body.
 */
export function hoistRepeats(body: string, kind: HoistKind): { declarations: string[]; body: string } {
  const counts = new Map<string, { n: number; hint: string | undefined }>();
  for (const m of body.matchAll(kind.pattern)) {
    const text = m.groups?.text as string;
    if (text.length < MIN_LENGTH) continue;
    const seen = counts.get(text);
    counts.set(text, { n: (seen?.n ?? 0) + 1, hint: seen?.hint ?? m.groups?.hint });
  }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const declarations: string[] = [];
  for (const [text, { n, hint }] of counts) {
    if (n < 2) continue;
    let name = kind.name(names.size + 1, hint);
    for (let i = 2; taken.has(name) || new RegExp(`\\b${name}\\b`).test(body); i++)
      name = `${kind.name(names.size + 1, hint)}${i}`;
    taken.add(name);
    names.set(text, name);
    declarations.push(kind.declare(name, text));
  }
  if (names.size === 0) return { declarations, body };
  const rewritten = body.replace(kind.pattern, (whole: string, ...args: unknown[]) => {
    const text = (args.at(-1) as { text: string }).text;
    const name = names.get(text);
    return name ? whole.replace(text, kind.use(name)) : whole;
  });
  return { declarations, body: rewritten };
}

/** A JSON string literal, as `literal()` writes it. */
const STR = String.raw`"(?:[^"\\\n]|\\.)*"`;
/** A JSON string, number or boolean: one value of an enum. */
const VALUE = String.raw`(?:${STR}|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false)`;

/** zod: `oneOf([...])` / `lits([...])` (an enum with its message), hoisted as a function (schemas stay lazy). */
export const ZOD_ENUMS: HoistKind = {
  pattern: new RegExp(String.raw`(?<text>(?:oneOf|lits)\(\[(?:${VALUE},?)+\]\))`, "g"),
  declare: (name, text) => `const ${name} = () => ${text};`,
  use: (name) => `${name}()`,
  name: (n) => `choice${n}`,
};

/** zod: a long `re("pattern")` argument (the pattern also builds the message), hoisted as a constant. */
export const ZOD_PATTERNS: HoistKind = {
  pattern: new RegExp(String.raw`\bre\((?<text>${STR})\)`, "g"),
  declare: (name, text) => `const ${name} = ${text};`,
  use: (name) => name,
  name: (n) => `pattern${n}`,
};

/** Compact validators: an enum's `"v":[...]` value list. */
export const COMPACT_ENUMS: HoistKind = {
  pattern: new RegExp(String.raw`"v":(?<text>\[(?:${VALUE},?)+\])`, "g"),
  declare: (name, text) => `const ${name} = ${text} as const;`,
  use: (name) => name,
  name: (n) => `choices${n}`,
};

/** Compact validators: a long `"re":"pattern"`, hoisted as a constant. */
export const COMPACT_PATTERNS: HoistKind = {
  pattern: new RegExp(`"re":(?<text>${STR})`, "g"),
  declare: (name, text) => `const ${name} = ${text};`,
  use: (name) => name,
  name: (n) => `pattern${n}`,
};

/** Types: a property's union of literals, named after the first property using it. */
export const TS_UNIONS: HoistKind = {
  pattern: new RegExp(String.raw`(?<hint>[A-Za-z_$][\w$]*)\??: (?<text>(?:${VALUE} \| )+${VALUE})(?=;)`, "g"),
  declare: (name, text) => `type ${name} = ${text};`,
  use: (name) => name,
  name: (_n, hint) =>
    `${(hint ?? "value").replace(/^./, (c) => c.toUpperCase()).replace(/_(\w)/g, (_m, c: string) => c.toUpperCase())}Choice`,
};
