/**
 * The request body the union/nullable differ tests share: a `oneOf` discriminated by `mode`, with
 * nullable fields in all three spellings (`anyOf [X, null]`, `type: [X, "null"]`, 3.0 `nullable`).
 * A fresh object each call, so a test may edit it.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the schema freely
export function unionBody(): Record<string, any> {
  return {
    oneOf: [
      {
        type: "object",
        required: ["mode", "prompt"],
        properties: {
          mode: { type: "string", const: "text" },
          prompt: { type: "string", maxLength: 100 },
          seed: { anyOf: [{ type: "integer" }, { type: "null" }] },
        },
      },
      {
        type: "object",
        required: ["mode", "image"],
        properties: {
          mode: { type: "string", const: "image" },
          image: { type: "string" },
          strength: { type: ["number", "null"], maximum: 1 },
          style: { type: "string", nullable: true },
        },
      },
    ],
    discriminator: { propertyName: "mode" },
  };
}
