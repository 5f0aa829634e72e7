import type { ClientExtensions, RulesSupport, TaskSupport } from "./create-vendor-client.js";
import type { Task } from "./types.js";

let rulesModule: Promise<typeof import("./apply-rules.js")> | undefined;

/**
 * `taskSupport` loaded on first `status()` / `wait()`: a task operation resolves to its `Task`
 * without bundling the waiter statically (it becomes a dynamic chunk).
 */
export const lazyTaskSupport: TaskSupport = <Result>(...args: Parameters<TaskSupport>): Task<Result> => {
  let loaded: Promise<Task<Result>> | undefined;
  const load = () => (loaded ??= import("./create-task.js").then((m) => m.createTask<Result>(...args)));
  return {
    handle: args[1],
    taskId: args[1].taskId,
    status: (o) => load().then((t) => t.status(o)),
    wait: (o) => load().then((t) => t.wait(o)),
  };
};

/** `rulesSupport` loaded on the first operation with cross-field rules. */
export const lazyRulesSupport: RulesSupport = async (input, rules, vendor) => {
  rulesModule ??= import("./apply-rules.js");
  return (await rulesModule).applyRules(input, rules, vendor);
};

/** Every extension, each loaded on first use: what `createVendorClient` passes. */
export const lazyExtensions: ClientExtensions = {
  tasks: lazyTaskSupport,
  download: (ctx, url, dir, options) =>
    import("./download-file.js").then((m) => m.downloadFile(ctx, url, dir, options)),
  downloadBytes: (ctx, url, options) =>
    import("./download-bytes.js").then((m) => m.downloadBytes(ctx, url, options)),
  rules: lazyRulesSupport,
};
