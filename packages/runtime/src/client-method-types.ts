import type { CallOptions, VendorClient } from "./types.js";

// Types a generated client is built from (`client.gen.ts`), written once here instead of in every
// generated package.

/**
 * A package's standalone operation functions (`op(client, input, options?)`) as client methods:
 * the same signature without the client argument. A homomorphic mapped type, so an editor shows
 * each function's own doc (description, `@example`, `@deprecated`) on the method.
 */
export type BoundOperations<M> = {
  [K in keyof M as M[K] extends (client: VendorClient, ...rest: never[]) => unknown
    ? K
    : never]: M[K] extends (client: VendorClient, input: infer I, options?: CallOptions) => infer R
    ? (input: I, options?: CallOptions) => R
    : never;
};

/** Every name a names table (`{ [operationId]: [catalog name, aliases...] }`) accepts: ids and other names. */
export type OperationNameOf<Names extends Readonly<Record<string, readonly string[]>>> =
  | keyof Names
  | Names[keyof Names][number];

/** The operation id a name resolves to in a names table: the id itself, else the operation that lists it. */
export type OperationIdOf<
  Names extends Readonly<Record<string, readonly string[]>>,
  N,
> = N extends keyof Names ? N : { [K in keyof Names]: N extends Names[K][number] ? K : never }[keyof Names];
