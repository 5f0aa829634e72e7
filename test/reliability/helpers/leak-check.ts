import { inspect } from "node:util";

/** Every way an error gets printed or shipped: JSON, inspect (incl. hidden fields), String, stack; down the cause chain. */
export function renderError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    parts.push(
      JSON.stringify(current) ?? "",
      inspect(current, { depth: 20, showHidden: true }),
      String(current),
    );
    if (current instanceof Error) parts.push(current.stack ?? "", current.message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join("\n");
}

/** The secrets and the encodings they travel in (Basic base64, Bearer). */
export function secretForms(secrets: Record<string, string>): string[] {
  const values = Object.values(secrets);
  const forms = [...values];
  for (const a of values)
    for (const b of values) if (a !== b) forms.push(Buffer.from(`${a}:${b}`).toString("base64"));
  return forms;
}

/** Captures everything written to the console and the process streams while `run` runs. */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const originals = methods.map((m) => console[m]);
  const out = process.stdout.write;
  const err = process.stderr.write;
  for (const m of methods)
    console[m] = (...args: unknown[]) => void chunks.push(inspect(args, { depth: 20 }));
  process.stdout.write = ((chunk: unknown) => chunks.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown) => chunks.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const value = await run();
    return { value, output: chunks.join("\n") };
  } finally {
    methods.forEach((m, i) => {
      console[m] = originals[i]!;
    });
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
