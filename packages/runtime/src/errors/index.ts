export { AmbiguousSubmissionError, type SentRequest } from "./ambiguous-submission-error.js";
export { FileWriteError } from "./file-write-error.js";
export { GenError, type GenErrorInit, type GenErrorKind, isGenError } from "./gen-error.js";
export { HostNotAllowedError } from "./host-not-allowed-error.js";
export { type InputIssue, InvalidRequestError } from "./invalid-request-error.js";
export { InvalidResponseError } from "./invalid-response-error.js";
export { LimitExceededError } from "./limit-exceeded-error.js";
export { MissingCredentialError } from "./missing-credential-error.js";
export { AbortedError, NetworkError, TimeoutError } from "./network-errors.js";
export { TaskCancelledError, TaskFailedError, TaskTimedOutError } from "./task-errors.js";
export {
  AuthenticationError,
  ContentRejectedError,
  InsufficientCreditsError,
  NotFoundError,
  RateLimitedError,
  VendorServerError,
} from "./vendor-errors.js";
