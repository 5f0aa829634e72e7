import type { VendorEntry } from "../../../packages/cli/src/discover-vendors.ts";
import { discoverVendors } from "../../../packages/cli/src/discover-vendors.ts";
import { findEntryPoint } from "../../../packages/cli/src/find-entry-point.ts";
import { simulatorSource } from "../../../packages/cli/src/simulator-source.ts";
import { type LoadedVendor, loadVendor } from "../../../packages/cli/src/vendors.ts";
import type { RetryInfo, Task, TaskHandle, VendorClient } from "../../../packages/runtime/src/index.ts";
import { type Simulator, startSimulator } from "../../../packages/simulator/src/index.ts";
/** Client options every reliability test shares: loopback, fast retries. */
export interface CaseOptions {
  credentials?: Record<string, string>;
  timeoutMs?: number;
  baseUrl?: string;
  onRetry?: (info: RetryInfo) => void;
}

/** What a test needs from one vendor: how to create (task or sync) and how to resume. */
export interface VendorCase {
  vendor: string;
  entry: VendorEntry;
  /** The vendor package's module (its operations and input schemas). */
  module: Record<string, unknown>;
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

/**
 * One case per vendor package, each sending a real create through its generated client: the call
 * is the manifest's `example` (vendors discovered as the `gen` CLI discovers them), so a new vendor
 * is covered with no edit here.
 */
export const vendorCases: readonly VendorCase[] = await Promise.all(
  (await discoverVendors(new URL("../../..", import.meta.url).pathname))
    .filter((entry) => entry.manifest?.example)
    .map(async (entry) => caseOf((await loadVendor(entry)) as LoadedVendor)),
);

function caseOf(vendor: LoadedVendor): VendorCase {
  const manifest = vendor.entry.manifest!;
  const example = manifest.example!;
  const task = manifest.operations.find((op) => op.id === example.creates)?.task;
  const pollOp = task ? vendor.create({ env: {} }).runtime.vendor.task?.pollOperation : undefined;
  const flow = findEntryPoint(vendor.entryPoints, example.operation);
  return {
    vendor: manifest.id,
    entry: vendor.entry,
    module: vendor.module,
    createOp: example.creates,
    ...(pollOp ? { pollOp } : {}),
    marker: example.input.prompt ?? JSON.stringify(example.input),
    client(sim, options = {}) {
      const c = vendor.create(base(sim, options));
      const method =
        flow && (c as unknown as Record<string, (input: unknown) => Promise<unknown>>)[flow.method];
      return {
        runtime: c.runtime,
        create: () => (method ? method.call(c, example.input) : c.call(example.operation, example.input)),
        resume: (h) => c.resume(h),
      };
    },
  };
}

/** Task vendors only. */
export const taskCases = vendorCases.filter((c) => c.pollOp);

/** A simulator for a case with short tasks. */
export async function simulatorFor(c: VendorCase, taskDurationMs = 30): Promise<Simulator> {
  return startSimulator({ ...(await simulatorSource(c.entry)), taskDurationMs });
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
