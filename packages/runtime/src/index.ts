export { defaultTransport, defaultTransportKind } from "#default-transport";
export { applyOutputAliases } from "./apply-output-aliases.js";
export { applyRules } from "./apply-rules.js";
export { authHeaders, type ResolvedAuth, redact } from "./auth-headers.js";
export { buildOperationRequest } from "./build-operation-request.js";
export { checkInputShape, isForbiddenKey } from "./check-input-shape.js";
export { checkRules, isPresent, matchesWhen, type RulesOutcome } from "./check-rules.js";
export { classifyNetworkError, isUnsentError } from "./classify-network-error.js";
export { RUNTIME_VERSION } from "./client-context.js";
export type * from "./client-method-types.js";
export { type CompactProp, type CompactSpec, compactSchema } from "./compact-schema.js";
export { createTask } from "./create-task.js";
export {
  type ClientExtensions,
  createVendorClient,
  createVendorCore,
  type DownloadSupport,
  type RulesSupport,
  type TaskSupport,
} from "./create-vendor-client.js";
export { decodeResponse } from "./decode-response.js";
export { downloadFile } from "./download-file.js";
export * from "./errors/index.js";
export { fetchTransport } from "./fetch-transport.js";
export { findResultUrls } from "./find-result-urls.js";
export { getPath } from "./get-path.js";
export {
  checkUrl,
  type HostPolicy,
  hostMatches,
  isIpLiteral,
  isLoopbackHost,
  normalizeHost,
} from "./host-policy.js";
export { isTask } from "./is-task.js";
export { lazyRulesSupport, lazyTaskSupport } from "./lazy-extensions.js";
export { DEFAULT_LIMITS, type Limits } from "./limits.js";
export { kindFromStatus, mapVendorError, type VendorErrorContext } from "./map-vendor-error.js";
export { moduleOperations } from "./module-operations.js";
export { deeperThan, parseJsonBounded } from "./parse-json-bounded.js";
export {
  DEFAULT_EXPECTED_MS,
  EARLY_POLLS,
  estimateProgress,
  nextPollDelay,
  type PollScheduleOptions,
} from "./poll-schedule.js";
export { type ForecastTuning, PROGRESS_FORECAST } from "./progress-forecast.js";
export { type ProgressReading, progressNow } from "./progress-now.js";
export { readTaskSnapshot, resultUrls } from "./read-task-snapshot.js";
export { redactError } from "./redact-error.js";
export { defaultEnv, resolveCredential } from "./resolve-credential.js";
export { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from "./retry-policy.js";
export * from "./types.js";
export { validateInput } from "./validate-input.js";
export type * from "./vendor-manifest.js";
export { DEFAULT_WAIT, type WaitForTaskOptions, waitForTask } from "./wait-for-task.js";
