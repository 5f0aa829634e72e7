/** One line of a JOBS.jsonl file, once parsed and validated. */
export interface JobSpec {
  /** Stable key: the line's `id`, else `line-<n>`. Resume matches jobs by key. */
  key: string;
  /** 1-based line number in the jobs file. */
  line: number;
  vendor: string;
  /** The operation's canonical id (after name / alias lookup). */
  operation: string;
  input: unknown;
  /** Hash of vendor, operation and input: a rerun with a changed line under the same key is refused. */
  fingerprint: string;
  /** Credits this create costs, where the vendor states it. */
  cost?: number;
}
