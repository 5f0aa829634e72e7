/** Shorter shapes stay inline: a name would save little and hide the fields from the reader. */
const MIN_LENGTH = 80;

/** One kind of nested shape: where one starts, and how a hoisted one is declared and used. */
export interface ShapeKind {
  /** Global regex matching the start of a shape; the shape runs to the bracket closing the match's last character. */
  start: RegExp;
  declare: (name: string, text: string) => string;
  use: (name: string) => string;
  /** A name from the property holding the shape's first use (`undefined` when it has no plain key). */
  name: (key: string | undefined) => string;
  /** Shapes may span lines (else a shape ends on its first line or is left alone). */
  multiline?: boolean;
  /** Finds the key of the property holding a shape in the text before it (group 1); default `key: `. */
  key?: RegExp;
  /** The exported name a shape already has where it is written whole (`export type X = {...};`). */
  owner?: (body: string, start: number, end: number) => string | undefined;
}

interface Node {
  start: number;
  end: number;
  text: string;
  parent: Node | undefined;
  children: Node[];
}

const CLOSE: Record<string, string> = { "(": ")", "{": "}", "[": "]" };

/** Where strings and comments start and end: a shape never starts inside one. */
function opaqueRanges(src: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    const from = i;
    if (c === '"') {
      for (i++; i < src.length && src[i] !== '"' && src[i] !== "\n"; i++) if (src[i] === "\\") i++;
    } else if (c === "/" && src[i + 1] === "*") i = src.indexOf("*/", i + 2) + 1 || src.length;
    else if (c === "/" && src[i + 1] === "/")
      i = src.indexOf("\n", i) === -1 ? src.length : src.indexOf("\n", i);
    else continue;
    ranges.push([from, i]);
  }
  return ranges;
}

/** The index after the bracket closing the one at `open`, skipping strings and comments; -1 past a line end unless `multiline`. */
function closeOf(src: string, open: number, multiline: boolean): number {
  const stack: string[] = [];
  for (let i = open; i < src.length; i++) {
    const c = src[i] as string;
    if (c === "\n" && !multiline) return -1;
    if (c === '"') {
      for (i++; i < src.length && src[i] !== '"'; i++) if (src[i] === "\\") i++;
    } else if (c === "/" && src[i + 1] === "*") {
      i = src.indexOf("*/", i + 2) + 1;
      if (i === 0) return -1;
    } else if (c === "(" || c === "{" || c === "[") stack.push(CLOSE[c] as string);
    else if (c === ")" || c === "}" || c === "]") {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

const KEY = /([A-Za-z_$][\w$]*)\??: [\w.<(| ]*$/;

/**
 * Nested shapes (zod object schemas, TypeScript object types, compact specs) that an emitted file writes
 * more than once become one declaration each, named after the property first holding them, and are
 * referenced by name: a shared request or response object's fields and docs are written once.
 * Longest first; a shape inside a hoisted one counts once per distinct hoisted text.
 */
export function hoistShapes(body: string, kind: ShapeKind): { declarations: string[]; body: string } {
  const nodes: Node[] = [];
  const opaque = opaqueRanges(body);
  let r = 0;
  for (const m of body.matchAll(kind.start)) {
    const at = m.index as number;
    while (r < opaque.length && (opaque[r] as [number, number])[1] < at) r++;
    if (r < opaque.length && (opaque[r] as [number, number])[0] <= at) continue;
    const end = closeOf(body, (m.index as number) + m[0].length - 1, kind.multiline === true);
    if (end > 0) nodes.push({ start: m.index as number, end, text: "", parent: undefined, children: [] });
  }
  const stack: Node[] = [];
  const root: Node = { start: 0, end: body.length, text: "", parent: undefined, children: [] };
  const byText = new Map<string, Node[]>();
  for (const n of nodes) {
    while (stack.length && (stack.at(-1) as Node).end <= n.start) stack.pop();
    n.parent = stack.at(-1);
    (n.parent ?? root).children.push(n);
    stack.push(n);
    n.text = body.slice(n.start, n.end);
    if (n.text.length >= MIN_LENGTH) byText.set(n.text, [...(byText.get(n.text) ?? []), n]);
  }
  const names = new Map<string, string>();
  const canonical = new Map<string, Node>();
  const owned = new Set<Node>();
  const taken = new Set<string>();
  const candidates = [...byText]
    .filter(([, list]) => list.length > 1)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [text, list] of candidates) {
    // Occurrences left after the longer hoists: those under no hoisted shape, plus one per hoisted text.
    let count = 0;
    for (const n of list) {
      let a = n.parent;
      while (a && !names.has(a.text)) a = a.parent;
      if (!a || canonical.get(a.text) === a) count++;
    }
    if (count < 2) continue;
    const own = list.find((n) => !n.parent && kind.owner?.(body, n.start, n.end));
    if (own) {
      names.set(text, kind.owner?.(body, own.start, own.end) as string);
      canonical.set(text, own);
      owned.add(own);
      continue;
    }
    const first = list[0] as Node;
    const key = (kind.key ?? KEY).exec(body.slice(Math.max(0, first.start - 60), first.start))?.[1];
    let name = kind.name(key);
    for (let i = 2; taken.has(name) || new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).test(body); i++)
      name = `${kind.name(key)}${i}`;
    taken.add(name);
    names.set(text, name);
    canonical.set(text, first);
  }
  if (names.size === 0) return { declarations: [], body };
  const render = (n: Node, from: number, to: number): string => {
    let out = "";
    let pos = from;
    for (const c of n.children) {
      const name = names.get(c.text);
      out += body.slice(pos, c.start) + (name && !owned.has(c) ? kind.use(name) : render(c, c.start, c.end));
      pos = c.end;
    }
    return out + body.slice(pos, to);
  };
  // Shortest first: a shape's declaration follows those of the shapes inside it (plain constants
  // must be declared before use).
  const declarations = [...names]
    .reverse()
    .filter(([text]) => !owned.has(canonical.get(text) as Node))
    .map(([text, name]) => {
      const n = canonical.get(text) as Node;
      return kind.declare(name, render(n, n.start, n.end));
    });
  return { declarations, body: render(root, 0, body.length) };
}
