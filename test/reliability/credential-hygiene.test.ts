import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GenError, type Task } from "../../packages/runtime/src/index.ts";
import { startSimulator } from "../../packages/simulator/src/index.ts";
import { captureOutput, renderError, secretForms } from "./helpers/leak-check.ts";
import { FAST_WAIT, failure, type Simulator, vendorCases } from "./helpers/vendor-cases.ts";

const SECRETS: Record<string, Record<string, string>> = {
  mediaio: { apiKey: "mk-SECRET-7f3a9c21e8b4" },
  tomoviee: { appKey: "tk-SECRET-1d9e6a0b", appSecret: "ts-SECRET-44b0c7f2" },
  ima: { apiKey: "ima_SECRET-5c2e8a91d3" },
};
const WRONG: Record<string, Record<string, string>> = {
  mediaio: { apiKey: "mk-WRONG-0b1c2d3e" },
  tomoviee: { appKey: "tk-WRONG-9a8b", appSecret: "ts-WRONG-7c6d" },
  ima: { apiKey: "ima_WRONG-3f4e5d" },
};
const credentialed = vendorCases.filter((c) => SECRETS[c.vendor]);
const INVALID_CODE: Record<string, number> = { mediaio: 490000, tomoviee: 400, ima: 500 };

/** Keys never appear in errors (however they are printed), in logs, or at an off-list host. */
describe.each(credentialed)("credential hygiene: $vendor", (c) => {
  let sim: Simulator;
  const secrets = SECRETS[c.vendor]!;
  const forbidden = [...secretForms(secrets), ...secretForms(WRONG[c.vendor]!)];
  beforeAll(async () => {
    sim = await startSimulator({ vendor: c.vendor, taskDurationMs: 20, credentials: secrets });
  });
  afterAll(() => sim.close());

  const retryLog: string[] = [];
  const onRetry = (info: unknown) => void retryLog.push(renderError(info));
  const client = (options: { timeoutMs?: number; credentials?: Record<string, string> } = {}) =>
    c.client(sim, { credentials: secrets, onRetry, ...options });

  const errorPaths: Array<[string, () => Promise<unknown>]> = [
    ["rejected key", () => client({ credentials: WRONG[c.vendor]! }).create()],
    [
      "vendor message echoing the key",
      async () => {
        sim.faults.add({
          operation: c.createOp,
          kind: "error",
          code: INVALID_CODE[c.vendor]!,
          message: `bad ${Object.values(secrets).join(" ")}`,
        });
        return client().create();
      },
    ],
    [
      "gateway page echoing the key",
      async () => {
        sim.faults.add({
          operation: c.createOp,
          kind: "non-json",
          status: 200,
          body: `<html>${Object.values(secrets).join(",")}</html>`,
        });
        return client().create();
      },
    ],
    [
      "reset after the create (ambiguous submission)",
      async () => {
        sim.faults.add({ operation: c.createOp, kind: "reset-after" });
        return client().create();
      },
    ],
    [
      "timeout on the create",
      async () => {
        sim.faults.add({ operation: c.createOp, kind: "delay", ms: 100 });
        const before = sim.ledger.createCount(c.createOp);
        try {
          return await client({ timeoutMs: 20 }).create();
        } finally {
          // The simulator still processes the abandoned create after its delay; let it land so it
          // cannot take the next case's one-shot fault.
          for (let i = 0; i < 100 && sim.ledger.createCount(c.createOp) === before; i++) {
            await new Promise((r) => setTimeout(r, 10));
          }
        }
      },
    ],
    [
      "persistent 5xx on the polls",
      async () => {
        const task = (await client().create()) as Task;
        sim.faults.add({ operation: c.pollOp!, kind: "status", status: 502, times: 100 });
        return task.wait(FAST_WAIT);
      },
    ],
    [
      "failed task",
      async () => {
        sim.faults.add({ operation: c.createOp, kind: "task-outcome", state: "failed", reason: "quota" });
        return ((await client().create()) as Task).wait(FAST_WAIT);
      },
    ],
    [
      "invalid input",
      () =>
        client().runtime.invoke(
          { ...anyCreate(), input: undefined, rules: [{ rule: "oneOfRequired", fields: ["nope"] }] },
          {},
        ),
    ],
    ["missing credential", () => c.client(sim, { credentials: {} }).create()],
  ];
  const anyCreate = () => ({
    id: "x",
    name: "x",
    method: "POST" as const,
    path: "/x",
    kind: "create" as const,
  });

  it.each(errorPaths)("%s: typed error, no key in any rendering or log", async (_name, run) => {
    sim.faults.clear();
    const { value: error, output } = await captureOutput(() => failure(run()));
    expect(error).toBeInstanceOf(GenError);
    const text = `${renderError(error)}\n${output}\n${retryLog.join("\n")}`;
    for (const secret of forbidden) expect(text).not.toContain(secret);
  });

  // A task failure reason is vendor text: redacted like vendor error messages.
  it("a vendor echoing the key in a task failure reason does not leak it", async () => {
    sim.faults.clear();
    sim.faults.add({
      operation: c.createOp,
      kind: "task-outcome",
      state: "failed",
      reason: `quota of ${Object.values(secrets)[0]}`,
    });
    const error = await failure(((await client().create()) as Task).wait(FAST_WAIT));
    expect(error).toBeInstanceOf(GenError);
    for (const secret of forbidden) expect(renderError(error)).not.toContain(secret);
  });

  it("a redirect to an off-list host never carries the credentials", async () => {
    const seen: IncomingHttpHeaders[] = [];
    const offList = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 0, msg: "", message: "", data: { task_id: "t", id: "t" } }));
    });
    await new Promise<void>((r) => offList.listen(0, "127.0.0.1", r));
    const offPort = (offList.address() as AddressInfo).port;
    const vendor = createServer((req, res) => {
      res.writeHead(307, { location: `http://127.0.0.1:${offPort}${req.url}` });
      res.end();
    });
    await new Promise<void>((r) => vendor.listen(0, "127.0.0.1", r));
    const baseUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}${new URL(sim.baseUrl).pathname}`;
    try {
      const { value: error, output } = await captureOutput(() =>
        failure(c.client(sim, { credentials: secrets, baseUrl }).create()),
      );
      expect(seen.length > 0 || (error as GenError | undefined)?.kind === "host_not_allowed").toBe(true);
      const text = `${error === undefined ? "" : renderError(error)}\n${output}\n${inspect(seen)}`;
      for (const secret of forbidden) expect(text).not.toContain(secret);
      for (const headers of seen) {
        expect(headers.authorization).toBeUndefined();
        expect(headers["x-api-key"]).toBeUndefined();
        expect(headers["x-app-key"]).toBeUndefined();
      }
    } finally {
      offList.close();
      vendor.close();
    }
  });
});
