import { describe, expect, it } from "vitest";
import { hoistShapes, type ShapeKind } from "../src/emit/hoist-shapes.js";

/** Object literals `{ ... }` hoisted as constants, as the compact validators' specs are. */
const KIND: ShapeKind = {
  start: /\{(?= )/g,
  declare: (name, text) => `const ${name} = ${text};`,
  use: (name) => name,
  name: (key) => `${key ?? "object"}Spec`,
};
const long = (key: string) => `{ ${key}: "${"x".repeat(80)}" }`;

describe("hoistShapes", () => {
  it("hoists a shape written twice, named after its property, and leaves a single one inline", () => {
    const body = `a = { frame: ${long("w")}, n: 1 };\nb = { frame: ${long("w")}, n: 2 };\nc = { other: ${long("h")} };`;
    const { declarations, body: out } = hoistShapes(body, KIND);
    expect(declarations).toEqual([`const frameSpec = ${long("w")};`]);
    expect(out).toBe(
      `a = { frame: frameSpec, n: 1 };\nb = { frame: frameSpec, n: 2 };\nc = { other: ${long("h")} };`,
    );
  });

  it("counts a shape inside a hoisted one once, and declares inner shapes before outer ones", () => {
    const outer = `{ outer: ${long("w")}, pad: "${"p".repeat(40)}" }`;
    // `w` only inside two copies of `outer`: one declaration of `outer` holds it once, not hoisted.
    const once = hoistShapes(`a = { x: ${outer}, n: 1 };\nb = { x: ${outer}, n: 2 };`, KIND);
    expect(once.declarations).toEqual([`const xSpec = ${outer};`]);
    // `w` also alone: hoisted, declared first (a constant must be declared before use).
    const twice = hoistShapes(
      `a = { x: ${outer}, n: 1 };\nb = { x: ${outer}, n: 2 };\nc = { y: ${long("w")} };`,
      KIND,
    );
    expect(twice.declarations).toEqual([
      `const outerSpec = ${long("w")};`,
      `const xSpec = { outer: outerSpec, pad: "${"p".repeat(40)}" };`,
    ]);
    expect(twice.body).toBe("a = { x: xSpec, n: 1 };\nb = { x: xSpec, n: 2 };\nc = { y: outerSpec };");
  });

  it("never starts a shape inside a string or a comment", () => {
    const text = long("w");
    const body = `/** e.g. ${text} */ a = ${JSON.stringify(text)};\n/** e.g. ${text} */ b = 1;`;
    expect(hoistShapes(body, KIND)).toEqual({ declarations: [], body });
  });

  it("reuses the exported name a shape already has where it is written whole", () => {
    const kind: ShapeKind = {
      ...KIND,
      owner: (body, start, end) =>
        body[end] === ";" ? /export const (\w+) = $/.exec(body.slice(0, start))?.[1] : undefined,
    };
    const body = `export const Frame = ${long("w")};\nb = { frame: ${long("w")} };`;
    expect(hoistShapes(body, kind)).toEqual({
      declarations: [],
      body: `export const Frame = ${long("w")};\nb = { frame: Frame };`,
    });
  });
});
