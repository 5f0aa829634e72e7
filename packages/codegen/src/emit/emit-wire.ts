import type { GenModel } from "@gen/spec";
import {
  astToString,
  type GlobalContext,
  type OpenAPI3,
  resolveRef,
  scanDiscriminators,
  transformSchema,
} from "openapi-typescript";
import { genHeader } from "./header.js";

/**
 * `wire.gen.ts`: the wire types (paths, components, operations) from openapi-typescript. The model
 * is already validated and holds only local refs, so openapi-typescript's Redocly lint+bundle pass
 * (most of its run time on large catalogs) is skipped and the transform is called directly.
 */
export function emitWire(model: GenModel, catalog: string): string {
  const schema = model as unknown as OpenAPI3;
  const options = { alphabetize: true, silent: true };
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: true,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(schema, $ref, { silent: true });
    },
  };
  return genHeader(catalog) + "/* eslint-disable */\n" + astToString(transformSchema(schema, ctx));
}
