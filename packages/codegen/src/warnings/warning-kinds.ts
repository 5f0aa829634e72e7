/**
 * What each warning code means for the generated package, and its fix. `default`: the generator
 * filled in something the file lacks (fine, listed once per kind); `weakened`: something is typed
 * or checked less than the file says; `dropped`: something in the file is not in the package.
 * `gen generate --strict` fails on `weakened` and `dropped`.
 */
export type WarningKind = "default" | "weakened" | "dropped" | "info";

export interface WarningKindInfo {
  kind: WarningKind;
  fix: string;
}

const OVERLAY = "overlay.yaml beside the catalog";

export const WARNING_KINDS: Readonly<Record<string, WarningKindInfo>> = {
  "default-x-gen-vendor": {
    kind: "default",
    fix: `set the package name in gen.config (options.packageName) or x-gen-vendor in ${OVERLAY}`,
  },
  "default-operation-id": {
    kind: "default",
    fix: `${OVERLAY}: { target: "$.paths['/p'].post", update: { operationId: name } }`,
  },
  "default-x-gen-operation": {
    kind: "default",
    fix: `${OVERLAY}: { target: "$.paths['/p'].post", update: { x-gen-operation: { name: ..., kind: read } } } for safe POSTs (reads are retried)`,
  },
  "default-path-param": {
    kind: "default",
    fix: `declare the path parameter in ${OVERLAY} (parameters: [{ name, in: path, schema }])`,
  },
  "auth-prefix": { kind: "info", fix: `x-gen-auth in ${OVERLAY} if the prefix is not right` },
  "auth-from-header-param": { kind: "info", fix: `x-gen-auth in ${OVERLAY}` },
  "constant-header": { kind: "info", fix: `x-gen-request.headers in ${OVERLAY} to send another value` },
  "auth-as-bearer": { kind: "default", fix: `x-gen-auth in ${OVERLAY}` },
  "untyped-schema": {
    kind: "weakened",
    fix: `replace the type in ${OVERLAY} (update the schema at the pointer)`,
  },
  "untyped-ref": { kind: "weakened", fix: `add the missing component in ${OVERLAY} (components.schemas)` },
  "untyped-request-body": {
    kind: "weakened",
    fix: `add the body schema in ${OVERLAY} (requestBody.content.*.schema)`,
  },
  "untyped-response": {
    kind: "weakened",
    fix: `add the response schema in ${OVERLAY} (responses.200.content.*.schema)`,
  },
  "unsupported-media-type": {
    kind: "weakened",
    fix: `describe the body as JSON, multipart or bytes in ${OVERLAY}`,
  },
  "prose-not-understood": { kind: "weakened", fix: "state the constraint in the catalog's overlay" },
  "no-auth": { kind: "weakened", fix: `x-gen-auth in ${OVERLAY}` },
  "unsupported-auth": { kind: "dropped", fix: `x-gen-auth in ${OVERLAY}` },
  "duplicate-input-field": { kind: "dropped", fix: `rename or remove one of the two in ${OVERLAY}` },
  "cookie-parameter": {
    kind: "dropped",
    fix: `cookies are not sent: describe it as a header in ${OVERLAY} if the vendor accepts one`,
  },
  "no-x-gen-operation": {
    kind: "dropped",
    fix: "add x-gen-operation to the operation (strict catalogs generate only what they mark)",
  },
  "entry-status": {
    kind: "info",
    fix: "the vendor marks the entry as not live: remove it in the overlay if it should not ship",
  },
  "missing-catalog": { kind: "info", fix: "put the vendor's catalog at the configured path" },
  "response-status": { kind: "weakened", fix: `describe the 200/201 response in ${OVERLAY}` },
  "overlay-no-match": {
    kind: "dropped",
    fix: "the vendor's file changed: update the overlay action's target",
  },
};

/** The kind and fix of a warning code (unknown codes count as `weakened`: strict stays safe). */
export function warningKind(code: string): WarningKindInfo {
  return WARNING_KINDS[code] ?? { kind: "weakened", fix: "see the message" };
}
