/**
 * Credits an IMA create costs: IMA's create body states the price it accepts (`parameters[].credit`,
 * from the product's credit rule; the vendor refuses a mismatch), so the batch budget can count it
 * before sending. Other operations: unknown.
 */
export function imaCost(operation: string, input: unknown): number | undefined {
  if (operation !== "createTask") return undefined;
  const parameters = (input as { parameters?: unknown }).parameters;
  if (!Array.isArray(parameters)) return undefined;
  let total = 0;
  for (const p of parameters) {
    const credit = (p as { credit?: unknown }).credit;
    if (typeof credit !== "number") return undefined;
    total += credit;
  }
  return total;
}
