import { normalizeRuleValue } from "./normalize-rule-value.js";
import type { FormField } from "./product-types.js";

/**
 * The parameters a leaf's form implies: each field's default value, with the caller's values on
 * top; a virtual field (`is_ui_virtual`) is resolved through its `value_mapping` from its
 * `ui_params` (the caller's values for them first, else their defaults) and written to the
 * mapping's `target_param` (else the field's own name).
 */
export function resolveFormParams(
  formConfig: readonly FormField[] | undefined,
  userParams: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const virtual: Record<string, unknown> = {};
  for (const field of formConfig ?? []) {
    if (!field?.field) continue;
    if (field.is_ui_virtual) {
      const resolved = resolveVirtualField(field, userParams);
      if (resolved) virtual[resolved.param] = resolved.value;
      continue;
    }
    if (field.value !== undefined && field.value !== null) out[field.field] = field.value;
  }
  Object.assign(out, userParams);
  for (const [param, value] of Object.entries(virtual)) {
    if (!(param in userParams)) out[param] = value;
  }
  return out;
}

function resolveVirtualField(
  field: FormField,
  userParams: Readonly<Record<string, unknown>>,
): { param: string; value: unknown } | undefined {
  const param = field.value_mapping?.target_param || field.field!;
  const patch: Record<string, string> = {};
  for (const ui of field.ui_params ?? []) {
    const name = ui.field ?? ui.id;
    if (!name) continue;
    patch[name.toLowerCase()] = normalizeRuleValue(name in userParams ? userParams[name] : ui.value);
  }
  for (const rule of field.value_mapping?.mapping_rules ?? []) {
    const source = Object.entries(rule.source_values ?? {});
    if (source.every(([k, v]) => patch[k.toLowerCase()] === normalizeRuleValue(v))) {
      return { param, value: rule.target_value };
    }
  }
  if (field.value !== undefined && field.value !== null) return { param, value: field.value };
  return undefined;
}
