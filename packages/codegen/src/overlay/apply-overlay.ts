import { jsonpath } from "json-p3";

/** One problem found while applying an overlay (`pointer` is a JSON pointer into the overlay). */
export interface OverlayProblem {
  severity: "error" | "warning";
  code: string;
  message: string;
  pointer: string;
}

type Node = Record<string, unknown>;

/**
 * Applies an OpenAPI Overlay 1.0 document to `doc` in place, action by action, in order. Targets
 * are RFC 9535 JSONPath expressions (evaluated with json-p3, a dependency-free RFC 9535
 * implementation: the Overlay spec names RFC 9535, whose semantics older libraries only
 * approximate). `update` merges into each matched object (objects recursively, arrays appended,
 * other values replaced) or appends to a matched array; `remove: true` deletes each matched node.
 * A target that matches nothing is a warning (the vendor's next release may have moved it).
 */
export function applyOverlay(doc: unknown, overlay: unknown): OverlayProblem[] {
  const problems: OverlayProblem[] = [];
  const fail = (pointer: string, message: string, code = "bad-overlay") =>
    problems.push({ severity: "error", code, message, pointer });
  const o = overlay as Node | null;
  if (!o || typeof o !== "object" || typeof o.overlay !== "string" || !/^1\.\d+\.\d+$/.test(o.overlay)) {
    fail("/overlay", "an Overlay document starts with `overlay: 1.0.0`");
    return problems;
  }
  if (!Array.isArray(o.actions)) {
    fail("/actions", "actions must be an array of { target, update | remove }");
    return problems;
  }
  for (const [i, action] of (o.actions as Node[]).entries())
    applyAction(doc, action, `/actions/${i}`, problems);
  return problems;
}

function applyAction(doc: unknown, action: Node, at: string, problems: OverlayProblem[]): void {
  const fail = (pointer: string, message: string): void => {
    problems.push({ severity: "error", code: "bad-overlay", message, pointer });
  };
  {
    if (!action || typeof action.target !== "string") {
      fail(`${at}/target`, "target must be a JSONPath string");
      return;
    }
    if (action.remove !== true && action.update === undefined) {
      fail(at, "an action needs `update` or `remove: true`");
      return;
    }
    let nodes: Array<{ location: Array<string | number>; value: unknown }>;
    try {
      nodes = jsonpath.query(action.target, doc as Parameters<typeof jsonpath.query>[1]).nodes;
    } catch (e) {
      fail(`${at}/target`, `invalid JSONPath ${action.target}: ${(e as Error).message}`);
      return;
    }
    if (nodes.length === 0) {
      problems.push({
        severity: "warning",
        code: "overlay-no-match",
        message: `target ${action.target} matches nothing in the catalog`,
        pointer: `${at}/target`,
      });
      return;
    }
    // Deepest last-first so that removing array items keeps the earlier indices valid.
    for (const node of [...nodes].reverse()) {
      if (action.remove === true) removeAt(doc, node.location);
      else if (Array.isArray(node.value))
        node.value.push(...(Array.isArray(action.update) ? action.update : [action.update]));
      else if (isObject(node.value) && isObject(action.update)) merge(node.value, action.update);
      else if (node.location.length) setAt(doc, node.location, structuredClone(action.update));
      else fail(`${at}/update`, "the document root can only be updated with an object");
    }
  }
}

function merge(target: Node, update: Node): void {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) merge(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) current.push(...structuredClone(value));
    else target[key] = structuredClone(value);
  }
}

function parentOf(doc: unknown, location: Array<string | number>): Node | unknown[] {
  let node = doc as Node;
  for (const key of location.slice(0, -1)) node = (node as Node)[key as string] as Node;
  return node;
}

function removeAt(doc: unknown, location: Array<string | number>): void {
  const parent = parentOf(doc, location);
  const key = location.at(-1)!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key as string];
}

function setAt(doc: unknown, location: Array<string | number>, value: unknown): void {
  const parent = parentOf(doc, location) as Node;
  parent[location.at(-1) as string] = value;
}

function isObject(value: unknown): value is Node {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
