import { createEdrawmax } from "../../../packages/edrawmax/src/index.ts";
import { createIma } from "../../../packages/ima/src/index.ts";
import { createMediaio } from "../../../packages/mediaio/src/index.ts";
import type { RetryInfo, Task, TaskHandle, VendorClient } from "../../../packages/runtime/src/index.ts";
import { type Simulator, startSimulator } from "../../../packages/simulator/src/index.ts";
import { createTomoviee } from "../../../packages/tomoviee/src/index.ts";

/** Client options every reliability test shares: loopback, fast retries. */
export interface CaseOptions {
  credentials?: Record<string, string>;
  timeoutMs?: number;
  baseUrl?: string;
  onRetry?: (info: RetryInfo) => void;
}

/** What a test needs from one vendor: how to create (task or sync) and how to resume. */
export interface VendorCase {
  vendor: "mediaio" | "tomoviee" | "edrawmax" | "ima";
  /** Simulator operation id of the paid create the case sends. */
  createOp: string;
  /** Simulator operation id of the poll (task vendors only). */
  pollOp?: string;
  /** Fields of the create input, to recognise the request in an AmbiguousSubmissionError. */
  marker: string;
  client(sim: Simulator, options?: CaseOptions): CaseClient;
}

export interface CaseClient {
  runtime: VendorClient;
  /** The paid create: a Task for task vendors, the decoded output for sync ones. */
  create(): Promise<Task | unknown>;
  resume(handle: TaskHandle): Task;
}

const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 };

function base(sim: Simulator, options: CaseOptions) {
  return {
    baseUrl: options.baseUrl ?? sim.baseUrl,
    allowInsecureLoopback: true,
    retry: { ...FAST_RETRY, ...(options.onRetry ? { onRetry: options.onRetry } : {}) },
    env: {},
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.credentials ?? sim.credentials),
  };
}

/** One case per vendor package, each sending a real create through its generated client. */
export const vendorCases: readonly VendorCase[] = [
  {
    vendor: "mediaio",
    createOp: "t2iImagen4",
    pollOp: "generationResult",
    marker: "reliability cat",
    client(sim, options = {}) {
      const c = createMediaio(base(sim, options));
      return {
        runtime: c.runtime,
        create: () => c.t2iImagen4({ prompt: this.marker }),
        resume: (h) => c.resume(h),
      };
    },
  },
  {
    vendor: "tomoviee",
    createOp: "textToVideo",
    pollOp: "getTask",
    marker: "reliability dog",
    client(sim, options = {}) {
      const c = createTomoviee(base(sim, options));
      return {
        runtime: c.runtime,
        create: () => c.textToVideo({ prompt: this.marker }),
        resume: (h) => c.resume(h),
      };
    },
  },
  {
    vendor: "edrawmax",
    createOp: "generateFlowchart",
    marker: "reliability login flow",
    client(sim, options = {}) {
      const c = createEdrawmax(base(sim, options));
      return {
        runtime: c.runtime,
        create: () => c.generateFlowchart({ prompt: this.marker }),
        resume: (h) => c.resume(h),
      };
    },
  },
  {
    vendor: "ima",
    createOp: "createTask",
    pollOp: "getTaskDetail",
    marker: "reliability bird",
    client(sim, options = {}) {
      const c = createIma(base(sim, options));
      return {
        runtime: c.runtime,
        create: () => c.textToVideo({ prompt: this.marker }),
        resume: (h) => c.resume(h),
      };
    },
  },
];

/** Task vendors only. */
export const taskCases = vendorCases.filter((c) => c.pollOp);

/** A simulator for a case with short tasks. */
export function simulatorFor(c: VendorCase, taskDurationMs = 30): Promise<Simulator> {
  return startSimulator({ vendor: c.vendor, taskDurationMs });
}

/** Fast wait options for short simulated tasks. */
export const FAST_WAIT = { minDelayMs: 5, maxDelayMs: 20, estimatedMs: [1, 60] as const };

/** Settles a promise into its error (or undefined when it resolved). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

export type { Simulator };
