import { readFileSync } from "node:fs";
import type { GenModel, JsonSchema, OperationObject, XGenOperation, XGenTaskProtocol } from "@gen/spec";
import { describe, expect, it } from "vitest";
import { diffModels } from "../../src/diff/diff-models.js";
import type { Emit, FieldTable } from "../../src/diff/field-table.js";
import { highestBump } from "../../src/diff/model-change.js";
import { operationFields } from "../../src/diff/operation-fields.js";
import { renderChangeset } from "../../src/diff/render-changeset.js";
import { rootFields } from "../../src/diff/root-fields.js";
import {
  constantFields,
  envelopeFields,
  errorCodeFields,
  requestFields,
  vendorFields,
} from "../../src/diff/root-parts-fields.js";
import { taskProtocolFields } from "../../src/diff/task-protocol-fields.js";
import { xOperationFields } from "../../src/diff/x-operation-fields.js";

/** A model that sets every plan field, so each row below can change exactly one. */
function base(): GenModel {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    servers: [{ url: "https://api.t.test/v1" }],
    "x-gen-vendor": { id: "t", packageName: "@gen/t", displayName: "T", factory: "createT" },
    "x-gen-hosts": { api: ["api.t.test"], results: ["cdn.t.test"] },
    "x-gen-auth": { type: "apiKey", header: "X-Key", credential: { option: "apiKey", env: ["T_KEY"] } },
    "x-gen-envelope": {
      codeField: "code",
      messageField: "msg",
      dataField: "data",
      traceIdField: "trace",
      successCodes: [0],
    },
    "x-gen-errors": { "1001": { kind: "authentication", message: "Bad key", retryable: false } },
    "x-gen-request": { bodyWrapper: "params", sendDefaults: false },
    "x-gen-task-protocol": {
      pollOperation: "getTask",
      pollInput: { id: "{taskId}" },
      taskIdPath: "task_id",
      statusPath: "status",
      statusMap: { "1": "running", "2": "succeeded" },
      progressPath: "progress",
      reasonPath: "reason",
      resultPath: "result",
      resultEncoding: "json",
      resultSchema: { type: "object", properties: { url: { type: "string" } } },
      resultUrlPaths: ["url"],
      minDelayMs: 1000,
      maxDelayMs: 5000,
      timeoutMs: 600_000,
    },
    "x-gen-constants": { models: { description: "Models", value: ["a", "b"] } },
    paths: {
      "/make": {
        post: {
          operationId: "make",
          summary: "Makes a thing",
          "x-gen-operation": {
            name: "make",
            aliases: ["mk"],
            kind: "create",
            task: { estimatedMs: [1000, 2000] },
            constBody: { version: 2 },
            headerParams: { user: "X-User" },
            rules: [{ rule: "requiredWhen", field: "seed", when: { mode: "fixed" } }],
            notes: ["Be kind"],
            outputAliases: { id: "task_id" },
          },
          parameters: [{ name: "X-User", in: "header", schema: { type: "string" } }],
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["prompt"],
                  properties: {
                    prompt: { type: "string", default: "hi" },
                    mode: { type: "string" },
                    seed: { type: "integer" },
                  },
                },
              },
            },
          },
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: { type: "object", properties: { task_id: { type: "string" } } },
                },
              },
            },
          },
        },
      },
      "/tasks/{id}": {
        get: {
          operationId: "getTask",
          "x-gen-operation": { name: "get-task", kind: "read" },
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "tags", in: "query", schema: { type: "array", items: { type: "string" } } },
          ],
        },
      },
    },
  };
}

const make = (m: GenModel) =>
  m.paths["/make"]!.post! as OperationObject & { "x-gen-operation": XGenOperation };
const x = (m: GenModel) => make(m)["x-gen-operation"];
const task = (m: GenModel) => m["x-gen-task-protocol"] as XGenTaskProtocol;
const body = (m: GenModel) =>
  (make(m).requestBody as { content: Record<string, { schema: JsonSchema }> }).content["application/json"]!
    .schema;
const response = (m: GenModel) =>
  (make(m).responses!["200"] as { content: Record<string, { schema: JsonSchema }> }).content[
    "application/json"
  ]!.schema;

type Row = { field: string; given: string; edit: (m: GenModel) => void; want: Array<[string, string]> };

const rows: Row[] = [
  {
    field: "openapi",
    given: "document version",
    edit: (m) => {
      m.openapi = "3.1.1";
    },
    want: [["patch", "model-openapi-changed"]],
  },
  {
    field: "info",
    given: "catalog version",
    edit: (m) => {
      m.info.version = "2";
    },
    want: [["patch", "catalog-info-changed"]],
  },
  {
    field: "servers",
    given: "base URL",
    edit: (m) => {
      m.servers = [{ url: "https://api.t.test/v2" }];
    },
    want: [["major", "base-url-changed"]],
  },
  {
    field: "x-gen-vendor.id",
    given: "vendor id",
    edit: (m) => {
      m["x-gen-vendor"].id = "tt";
    },
    want: [["major", "vendor-id-changed"]],
  },
  {
    field: "x-gen-vendor.packageName",
    given: "package name",
    edit: (m) => {
      m["x-gen-vendor"].packageName = "@gen/tt";
    },
    want: [["major", "vendor-packageName-changed"]],
  },
  {
    field: "x-gen-vendor.displayName",
    given: "display name",
    edit: (m) => {
      m["x-gen-vendor"].displayName = "Tee";
    },
    want: [["patch", "vendor-displayName-changed"]],
  },
  {
    field: "x-gen-vendor.factory",
    given: "factory name",
    edit: (m) => {
      m["x-gen-vendor"].factory = "makeT";
    },
    want: [["major", "vendor-factory-changed"]],
  },
  {
    field: "x-gen-hosts",
    given: "result host added",
    edit: (m) => {
      m["x-gen-hosts"]!.results!.push("cdn2.t.test");
    },
    want: [["major", "hosts-changed"]],
  },
  {
    field: "x-gen-auth",
    given: "auth header renamed",
    edit: (m) => {
      (m["x-gen-auth"] as { header: string }).header = "X-Api-Key";
    },
    want: [["major", "auth-header-changed"]],
  },
  {
    field: "x-gen-auth",
    given: "option renamed",
    edit: (m) => {
      (m["x-gen-auth"] as { credential: { option: string } }).credential.option = "key";
    },
    want: [["major", "auth-option-renamed"]],
  },
  {
    field: "x-gen-auth",
    given: "env variable added",
    edit: (m) => {
      (m["x-gen-auth"] as { credential: { env: string[] } }).credential.env.push("T_API_KEY");
    },
    want: [["minor", "auth-env-added"]],
  },
  {
    field: "x-gen-auth",
    given: "env variable dropped",
    edit: (m) => {
      (m["x-gen-auth"] as { credential: { env: string[] } }).credential.env = ["T_API_KEY"];
    },
    want: [
      ["major", "auth-env-removed"],
      ["minor", "auth-env-added"],
    ],
  },
  {
    field: "x-gen-auth",
    given: "scheme",
    edit: (m) => {
      m["x-gen-auth"] = { type: "none" };
    },
    want: [["major", "auth-scheme-changed"]],
  },
  {
    field: "x-gen-envelope",
    given: "envelope dropped",
    edit: (m) => {
      m["x-gen-envelope"] = null;
    },
    want: [["major", "envelope-changed"]],
  },
  {
    field: "x-gen-envelope.codeField",
    given: "code field",
    edit: (m) => {
      m["x-gen-envelope"]!.codeField = "status";
    },
    want: [["major", "envelope-codeField-changed"]],
  },
  {
    field: "x-gen-envelope.messageField",
    given: "message field",
    edit: (m) => {
      m["x-gen-envelope"]!.messageField = "message";
    },
    want: [["minor", "envelope-messageField-changed"]],
  },
  {
    field: "x-gen-envelope.dataField",
    given: "data field",
    edit: (m) => {
      m["x-gen-envelope"]!.dataField = "result";
    },
    want: [["major", "envelope-dataField-changed"]],
  },
  {
    field: "x-gen-envelope.traceIdField",
    given: "trace field",
    edit: (m) => {
      m["x-gen-envelope"]!.traceIdField = "rid";
    },
    want: [["minor", "envelope-traceIdField-changed"]],
  },
  {
    field: "x-gen-envelope.successCodes",
    given: "success code changed",
    edit: (m) => {
      m["x-gen-envelope"]!.successCodes = [200];
    },
    want: [
      ["major", "success-code-removed"],
      ["minor", "success-code-added"],
    ],
  },
  {
    field: "x-gen-errors",
    given: "code mapped",
    edit: (m) => {
      m["x-gen-errors"]!["1002"] = { kind: "rate_limited", message: "Slow" };
    },
    want: [["minor", "error-code-added"]],
  },
  {
    field: "x-gen-errors",
    given: "code unmapped",
    edit: (m) => {
      m["x-gen-errors"] = {};
    },
    want: [["major", "error-code-removed"]],
  },
  {
    field: "x-gen-errors.kind",
    given: "error kind",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.kind = "invalid_request";
    },
    want: [["major", "error-code-kind-changed"]],
  },
  {
    field: "x-gen-errors.message",
    given: "error message",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.message = "Wrong key";
    },
    want: [["patch", "error-code-message-changed"]],
  },
  {
    field: "x-gen-errors.messages",
    given: "translations",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.messages = { zh: "密钥错误" };
    },
    want: [["patch", "error-code-messages-changed"]],
  },
  {
    field: "x-gen-errors.retryable",
    given: "retryable",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.retryable = true;
    },
    want: [["minor", "error-code-retryable-changed"]],
  },
  {
    field: "x-gen-errors.retryCreate",
    given: "create retries",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.retryCreate = 1;
    },
    want: [["minor", "error-code-retryCreate-changed"]],
  },
  {
    field: "x-gen-errors.retryDelayMs",
    given: "retry delay",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.retryDelayMs = 500;
    },
    want: [["patch", "error-code-retryDelayMs-changed"]],
  },
  {
    field: "x-gen-errors.httpStatus",
    given: "HTTP status",
    edit: (m) => {
      m["x-gen-errors"]!["1001"]!.httpStatus = 401;
    },
    want: [["patch", "error-code-httpStatus-changed"]],
  },
  {
    field: "x-gen-request.bodyWrapper",
    given: "body wrapper",
    edit: (m) => {
      m["x-gen-request"]!.bodyWrapper = "input";
    },
    want: [["major", "request-bodyWrapper-changed"]],
  },
  {
    field: "x-gen-request.sendDefaults",
    given: "send defaults",
    edit: (m) => {
      m["x-gen-request"]!.sendDefaults = true;
    },
    want: [["minor", "request-sendDefaults-changed"]],
  },
  {
    field: "x-gen-request.headers",
    given: "constant header",
    edit: (m) => {
      m["x-gen-request"]!.headers = { "X-Api-Version": "2" };
    },
    want: [["major", "request-headers-changed"]],
  },
  {
    field: "x-gen-task-protocol",
    given: "protocol dropped",
    edit: (m) => {
      delete m["x-gen-task-protocol"];
    },
    want: [["major", "task-protocol-changed"]],
  },
  {
    field: "x-gen-task-protocol.pollOperation",
    given: "poll operation",
    edit: (m) => {
      task(m).pollOperation = "make";
    },
    want: [["major", "task-pollOperation-changed"]],
  },
  {
    field: "x-gen-task-protocol.pollInput",
    given: "poll input",
    edit: (m) => {
      task(m).pollInput = { task: "{taskId}" };
    },
    want: [["major", "task-pollInput-changed"]],
  },
  {
    field: "x-gen-task-protocol.taskIdPath",
    given: "task id path",
    edit: (m) => {
      task(m).taskIdPath = "id";
    },
    want: [["major", "task-taskIdPath-changed"]],
  },
  {
    field: "x-gen-task-protocol.statusPath",
    given: "status path",
    edit: (m) => {
      task(m).statusPath = "state";
    },
    want: [["major", "task-statusPath-changed"]],
  },
  {
    field: "x-gen-task-protocol.statusMap",
    given: "status remapped",
    edit: (m) => {
      task(m).statusMap = { "1": "queued", "2": "succeeded", "3": "failed" };
    },
    want: [
      ["major", "task-status-changed"],
      ["minor", "task-status-added"],
    ],
  },
  {
    field: "x-gen-task-protocol.progressPath",
    given: "progress path",
    edit: (m) => {
      task(m).progressPath = "pct";
    },
    want: [["minor", "task-progressPath-changed"]],
  },
  {
    field: "x-gen-task-protocol.reasonPath",
    given: "reason path",
    edit: (m) => {
      task(m).reasonPath = "why";
    },
    want: [["minor", "task-reasonPath-changed"]],
  },
  {
    field: "x-gen-task-protocol.resultPath",
    given: "result path",
    edit: (m) => {
      task(m).resultPath = "output";
    },
    want: [["major", "task-resultPath-changed"]],
  },
  {
    field: "x-gen-task-protocol.resultEncoding",
    given: "result encoding",
    edit: (m) => {
      task(m).resultEncoding = "json-string";
    },
    want: [["major", "task-resultEncoding-changed"]],
  },
  {
    field: "x-gen-task-protocol.resultSchema",
    given: "result field removed",
    edit: (m) => {
      task(m).resultSchema = { type: "object", properties: { link: { type: "string" } } };
    },
    want: [
      ["major", "output-field-removed"],
      ["minor", "output-field-added"],
    ],
  },
  {
    field: "x-gen-task-protocol.resultUrlPaths",
    given: "result URLs",
    edit: (m) => {
      task(m).resultUrlPaths = ["url", "cover"];
    },
    want: [["minor", "result-urls-added"]],
  },
  {
    field: "x-gen-task-protocol.minDelayMs",
    given: "min delay",
    edit: (m) => {
      task(m).minDelayMs = 2000;
    },
    want: [["patch", "task-minDelayMs-changed"]],
  },
  {
    field: "x-gen-task-protocol.maxDelayMs",
    given: "max delay",
    edit: (m) => {
      task(m).maxDelayMs = 9000;
    },
    want: [["patch", "task-maxDelayMs-changed"]],
  },
  {
    field: "x-gen-task-protocol.timeoutMs",
    given: "timeout",
    edit: (m) => {
      task(m).timeoutMs = 60_000;
    },
    want: [["minor", "task-timeoutMs-changed"]],
  },
  {
    field: "x-gen-constants",
    given: "constant removed",
    edit: (m) => {
      m["x-gen-constants"] = {};
    },
    want: [["major", "constant-removed"]],
  },
  {
    field: "x-gen-constants.description",
    given: "constant description",
    edit: (m) => {
      m["x-gen-constants"]!.models!.description = "All models";
    },
    want: [["patch", "constant-description-changed"]],
  },
  {
    field: "x-gen-constants.value",
    given: "constant value",
    edit: (m) => {
      m["x-gen-constants"]!.models!.value = ["a", "b", "c"];
    },
    want: [["minor", "constant-value-changed"]],
  },
  {
    field: "x-gen-constants.file",
    given: "constant file",
    edit: (m) => {
      m["x-gen-constants"]!.models!.file = "models.yaml";
    },
    want: [["patch", "constant-file-changed"]],
  },
  {
    field: "operation.name",
    given: "alias dropped",
    edit: (m) => {
      x(m).aliases = [];
    },
    want: [["major", "name-removed"]],
  },
  {
    field: "operation.method",
    given: "endpoint",
    edit: (m) => {
      m.paths["/make2"] = m.paths["/make"]!;
      delete m.paths["/make"];
    },
    want: [["major", "wire-path-changed"]],
  },
  {
    field: "operation.kind",
    given: "no longer a task",
    edit: (m) => {
      delete x(m).task;
    },
    want: [
      ["major", "operation-kind-changed"],
      ["patch", "operation-estimatedMs-changed"],
    ],
  },
  {
    field: "operation.estimatedMs",
    given: "estimate",
    edit: (m) => {
      x(m).task = { estimatedMs: [1000, 9000] };
    },
    want: [["patch", "operation-estimatedMs-changed"]],
  },
  {
    field: "operation.fields",
    given: "new optional parameter",
    edit: (m) => {
      body(m).properties!.style = { type: "string" };
    },
    want: [["minor", "parameter-added"]],
  },
  {
    field: "operation.fields",
    given: "default changed",
    edit: (m) => {
      body(m).properties!.prompt!.default = "hello";
    },
    want: [["patch", "default-changed"]],
  },
  {
    field: "operation.openBody",
    given: "body opened",
    edit: (m) => {
      body(m).additionalProperties = true;
    },
    want: [["minor", "body-opened"]],
  },
  {
    field: "operation.output",
    given: "response field retyped",
    edit: (m) => {
      response(m).properties!.task_id = { type: "integer" };
    },
    want: [["major", "output-field-retyped"]],
  },
  {
    field: "operation.output",
    given: "response emptied",
    edit: (m) => {
      response(m).properties = {};
    },
    want: [["major", "output-emptied"]],
  },
  {
    field: "operation.body",
    given: "multipart body",
    edit: (m) => {
      const content = (make(m).requestBody as { content: Record<string, unknown> }).content;
      content["multipart/form-data"] = content["application/json"];
      delete content["application/json"];
    },
    want: [["major", "operation-body-changed"]],
  },
  {
    field: "operation.queryStyles",
    given: "query array no longer exploded",
    edit: (m) => {
      const tags = m.paths["/tasks/{id}"]!.get!.parameters![1] as { explode?: boolean };
      tags.explode = false;
    },
    want: [["major", "operation-queryStyles-changed"]],
  },
  {
    field: "operation.responseType",
    given: "bytes response",
    edit: (m) => {
      m.paths["/tasks/{id}"]!.get!.responses = {
        "200": { content: { "image/png": { schema: { type: "string", format: "binary" } } } },
      };
    },
    want: [["major", "operation-responseType-changed"]],
  },
  {
    field: "operation.summary",
    given: "summary",
    edit: (m) => {
      make(m).summary = "Makes";
    },
    want: [["patch", "description-changed"]],
  },
  {
    field: "operation.deprecated",
    given: "deprecated",
    edit: (m) => {
      make(m).deprecated = true;
    },
    want: [["minor", "deprecation-changed"]],
  },
  {
    field: "x-gen-operation.task",
    given: "own result schema",
    edit: (m) => {
      x(m).task = {
        estimatedMs: [1000, 2000],
        resultSchema: { type: "object", properties: { url: { type: "string" }, w: { type: "integer" } } },
      };
    },
    want: [["minor", "output-field-added"]],
  },
  {
    field: "x-gen-operation.constBody",
    given: "fixed body field",
    edit: (m) => {
      x(m).constBody = { version: 3 };
    },
    want: [["major", "const-body-changed"]],
  },
  {
    field: "x-gen-operation.rules",
    given: "refusing rule added",
    edit: (m) => {
      x(m).rules!.push({ rule: "forbiddenWhen", field: "seed", when: { mode: "random" } });
    },
    want: [["major", "rule-added"]],
  },
  {
    field: "x-gen-operation.rules",
    given: "conditional option (excludeWhen) added",
    edit: (m) => {
      x(m).rules!.push({ rule: "excludeWhen", field: "mode", values: ["fixed"], when: { seed: 0 } });
    },
    want: [["major", "rule-added"]],
  },
  {
    field: "x-gen-operation.rules",
    given: "requiredWhen added (field now required under a condition)",
    edit: (m) => {
      x(m).rules!.push({ rule: "requiredWhen", field: "prompt", when: { mode: "fixed" } });
    },
    want: [["major", "rule-added"]],
  },
  {
    field: "x-gen-operation.rules",
    given: "refusing rule removed",
    edit: (m) => {
      x(m).rules = [];
    },
    want: [["minor", "rule-removed"]],
  },
  {
    field: "x-gen-operation.rules",
    given: "defaultFrom added",
    edit: (m) => {
      x(m).rules!.push({ rule: "defaultFrom", field: "seed", from: "prompt" });
    },
    want: [["minor", "rule-added"]],
  },
  {
    field: "x-gen-operation.rules",
    given: "message reworded",
    edit: (m) => {
      x(m).rules = [{ rule: "requiredWhen", field: "seed", when: { mode: "fixed" }, message: "give a seed" }];
    },
    want: [["patch", "rule-message-changed"]],
  },
  {
    field: "x-gen-operation.notes",
    given: "notes",
    edit: (m) => {
      x(m).notes = ["Be kinder"];
    },
    want: [["patch", "operation-notes-changed"]],
  },
  {
    field: "x-gen-operation.outputAliases",
    given: "alias removed",
    edit: (m) => {
      x(m).outputAliases = {};
    },
    want: [["major", "output-alias-removed"]],
  },
  {
    field: "x-gen-operation.headerParams",
    given: "header renamed",
    edit: (m) => {
      x(m).headerParams = { user: "X-Who" };
      make(m).parameters = [{ name: "X-Who", in: "header", schema: { type: "string" } }];
    },
    want: [["major", "wire-name-changed"]],
  },
];

describe("diffModels over every plan field", () => {
  it.each(rows)("$field: $given", ({ edit, want }) => {
    const after = base();
    edit(after);
    const changes = diffModels(base(), after);
    expect(changes.map((c) => [c.bump, c.kind])).toEqual(want);
    for (const c of changes) expect(c.message.length).toBeGreaterThan(10);
  });

  it("a table that leaves a field out does not compile (checked by typecheck)", () => {
    // @ts-expect-error `b` has no decided semver effect
    const partial: FieldTable<{ a: number; b: string }, { emit: Emit }> = { a: { bump: "patch", says: "x" } };
    expect(Object.keys(partial)).toEqual(["a"]);
  });

  it("has a row for every field that a table compares itself", () => {
    const tables: Array<[string, FieldTable<unknown, unknown> | object]> = [
      ["", rootFields],
      ["x-gen-vendor.", vendorFields],
      ["x-gen-envelope.", envelopeFields],
      ["x-gen-errors.", errorCodeFields],
      ["x-gen-request.", requestFields],
      ["x-gen-task-protocol.", taskProtocolFields],
      ["x-gen-constants.", constantFields],
      ["operation.", operationFields],
      ["x-gen-operation.", xOperationFields],
    ];
    const covered = new Set(rows.map((r) => r.field));
    const compared = tables.flatMap(([prefix, table]) =>
      Object.entries(table)
        .filter(([, rule]) => !("via" in rule))
        .map(([key]) => `${prefix}${key}`),
    );
    // A field whose own table is listed above is covered by that table's rows.
    // A field with its own table above (operation.source is x-gen-operation) is covered by that table's rows.
    const alias: Record<string, string> = { "operation.source": "x-gen-operation" };
    const sub = new Set(tables.map(([p]) => p.slice(0, -1)));
    const missing = compared.filter((f) => {
      const own = alias[f] ?? f;
      return !covered.has(f) && !(sub.has(own) && [...covered].some((c) => c.startsWith(`${own}.`)));
    });
    expect(missing).toEqual([]);
  });
});

const model = (vendor: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../${vendor}/openapi.gen.json`, import.meta.url), "utf8"),
  ) as GenModel;

/** The three measured cases of issue 15 (real committed models). */
describe("measured catalog edits", () => {
  const tomovieeEdits = (m: GenModel) => {
    (m["x-gen-auth"] as { keyHeader?: string }).keyHeader = "X-Tomoviee-Key";
    m["x-gen-envelope"]!.successCodes = [200];
    const op = Object.values(m.paths).flatMap((p) => Object.values(p))[0] as OperationObject;
    const xop = op["x-gen-operation"]!;
    xop.rules = [...(xop.rules ?? []), { rule: "requiredWhen", field: "prompt", when: { mode: "fixed" } }];
    return op;
  };

  it("Tomoviee: auth header renamed, success code changed, required-field rule added: major, all named", () => {
    const after = model("tomoviee");
    tomovieeEdits(after);
    const changes = diffModels(model("tomoviee"), after);
    expect(highestBump(changes)).toBe("major");
    const kinds = changes.map((c) => c.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["auth-header-changed", "success-code-removed", "rule-added"]),
    );
    expect(changes.find((c) => c.kind === "auth-header-changed")!.message).toContain("X-Tomoviee-Key");
  });

  it("Tomoviee: the same plus a new optional parameter: major, and the changeset names all four", () => {
    const after = model("tomoviee");
    const op = tomovieeEdits(after);
    const schema = (op.requestBody as { content: Record<string, { schema: JsonSchema }> }).content[
      "application/json"
    ]!.schema;
    const target = schema.$ref
      ? (after.components!.schemas![schema.$ref.split("/").pop()!] as JsonSchema)
      : schema;
    target.properties = { ...target.properties, brand_new_option: { type: "string" } };
    const changes = diffModels(model("tomoviee"), after);
    const file = renderChangeset("tomoviee", "@gen/tomoviee", changes)!;
    expect(file.bump).toBe("major");
    expect(file.content).toContain("X-Tomoviee-Key");
    expect(file.content).toMatch(/code `0` are no longer a success/);
    expect(file.content).toContain("new rule: `prompt` is required");
    expect(file.content).toContain("new optional parameter `brand_new_option`");
  });

  it("Media.io: the catalog's conditional option (Hailuo 2.3, 1080P only with 6s) as a new rule: major, named", () => {
    const before = model("mediaio");
    const hailuo = Object.values(before.paths)
      .flatMap((p) => Object.values(p) as OperationObject[])
      .find((op) => op["x-gen-operation"]?.rules?.some((r) => r.rule === "excludeWhen"))!;
    const xop = hailuo["x-gen-operation"]!;
    xop.rules = xop.rules!.filter((r) => r.rule !== "excludeWhen");
    const changes = diffModels(before, model("mediaio"));
    expect(changes.map((c) => [c.bump, c.kind])).toEqual([["major", "rule-added"]]);
    const file = renderChangeset("mediaio", "@gen/mediaio", changes)!;
    expect(file.bump).toBe("major");
    expect(file.content).toContain(
      '`i2vMinimaxV23`: new rule: `resolution` may not be "1080P" when `duration` is "10s"',
    );
  });

  it("Media.io: every response schema emptied: major, one line per operation", () => {
    const after = model("mediaio");
    let emptied = 0;
    for (const item of Object.values(after.paths))
      for (const op of Object.values(item) as OperationObject[]) {
        const media = (op.responses?.["200"] as { content?: Record<string, { schema?: JsonSchema }> })
          ?.content;
        for (const m of Object.values(media ?? {})) {
          m.schema = {};
          emptied += 1;
        }
      }
    const changes = diffModels(model("mediaio"), after);
    expect(highestBump(changes)).toBe("major");
    expect(changes.filter((c) => c.kind === "output-emptied")).toHaveLength(emptied);
    expect(emptied).toBe(24);
  });
});
