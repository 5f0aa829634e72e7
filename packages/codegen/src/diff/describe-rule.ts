import type { XGenRule } from "@gen/spec";

const when = (w: Record<string, unknown> | undefined) =>
  w
    ? ` when ${Object.entries(w)
        .map(([k, v]) => `\`${k}\` is ${JSON.stringify(v)}`)
        .join(" and ")}`
    : "";

/** A cross-field rule in plain words ("`seed` is required when `mode` is "fixed""). */
export function describeRule(r: XGenRule): string {
  switch (r.rule) {
    case "defaultFrom":
      return `\`${r.field}\` defaults to \`${r.from}\`${when(r.when)}`;
    case "requiredWhen":
      return `\`${r.field}\` is required${when(r.when)}`;
    case "forbiddenWhen":
      return `\`${r.field}\` is not allowed${when(r.when)}`;
    case "count":
      return `\`${r.field}\` takes ${r.min ?? 0} to ${r.max ?? "any number of"} item(s)${when(r.when)}`;
    case "oneOfRequired":
      return `one of ${r.fields.map((f) => `\`${f}\``).join(", ")} is required`;
    case "excludeWhen":
      return `\`${r.field}\` may not be ${r.values.map((v) => JSON.stringify(v)).join(" or ")}${when(r.when)}`;
  }
}
