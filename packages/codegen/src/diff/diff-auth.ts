import { type GenModel, getAuth } from "@gen/spec";
import type { Emit } from "./field-table.js";

/** Leaves of an auth object as `path -> JSON` (`credential.option`, `keyHeader`...). */
function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

/**
 * Compares the auth scheme: another scheme, another option name or another header is major (the
 * caller's code or the wire changes); an env variable dropped is major, one added minor.
 */
export function diffAuth(ma: GenModel, mb: GenModel, emit: Emit): void {
  const a = getAuth(ma);
  const b = getAuth(mb);
  if (a.type !== b.type) {
    emit({
      bump: "major",
      kind: "auth-scheme-changed",
      message: `Authentication changed from ${a.type} to ${b.type}`,
    });
    return;
  }
  const la = leaves(a);
  const lb = leaves(b);
  for (const path of new Set([...la.keys(), ...lb.keys()])) {
    const va = la.get(path);
    const vb = lb.get(path);
    if (JSON.stringify(va) === JSON.stringify(vb)) continue;
    if (path.endsWith(".env")) {
      const lost = ((va as string[]) ?? []).filter((e) => !((vb as string[]) ?? []).includes(e));
      const won = ((vb as string[]) ?? []).filter((e) => !((va as string[]) ?? []).includes(e));
      if (lost.length)
        emit({
          bump: "major",
          kind: "auth-env-removed",
          message: `Credentials are no longer read from ${lost.map((e) => `\`${e}\``).join(", ")}`,
        });
      if (won.length)
        emit({
          bump: "minor",
          kind: "auth-env-added",
          message: `Credentials are also read from ${won.map((e) => `\`${e}\``).join(", ")}`,
        });
    } else if (path.endsWith(".option")) {
      emit({
        bump: "major",
        kind: "auth-option-renamed",
        message: `The credential option \`${va}\` is now \`${vb}\``,
      });
    } else {
      emit({
        bump: "major",
        kind: "auth-header-changed",
        message: `Credentials are sent in ${vb === undefined ? "no" : `\`${String(vb)}\``} ${path} (was ${va === undefined ? "none" : `\`${String(va)}\``})`,
      });
    }
  }
}
