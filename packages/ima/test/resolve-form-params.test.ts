import { describe, expect, it } from "vitest";
import type { FormField } from "../src/product-types.js";
import { resolveFormParams } from "../src/resolve-form-params.js";

const form: FormField[] = [
  { field: "duration", value: 5 },
  { field: "resolution", value: "720P" },
  { field: "seed", value: null },
  {
    field: "quality_mode",
    is_ui_virtual: true,
    value: "fast",
    ui_params: [
      { field: "quality", value: "standard" },
      { field: "speed", value: "normal" },
    ],
    value_mapping: {
      target_param: "mode",
      mapping_rules: [
        { source_values: { quality: "standard", speed: "normal" }, target_value: "std" },
        { source_values: { quality: "high", speed: "normal" }, target_value: "pro" },
      ],
    },
  },
];

describe("resolveFormParams", () => {
  const cases: Array<{ name: string; user: Record<string, unknown>; want: Record<string, unknown> }> = [
    { name: "defaults and ui defaults", user: {}, want: { duration: 5, resolution: "720P", mode: "std" } },
    {
      name: "caller values win",
      user: { duration: 10 },
      want: { duration: 10, resolution: "720P", mode: "std" },
    },
    {
      name: "caller ui values drive the mapping",
      user: { quality: "HIGH" },
      want: { duration: 5, resolution: "720P", mode: "pro", quality: "HIGH" },
    },
    {
      name: "no mapping rule falls back to the field default",
      user: { quality: "ultra" },
      want: { duration: 5, resolution: "720P", mode: "fast", quality: "ultra" },
    },
    {
      name: "explicit target param wins",
      user: { mode: "turbo" },
      want: { duration: 5, resolution: "720P", mode: "turbo" },
    },
  ];
  it.each(cases)("$name", ({ user, want }) => {
    expect(resolveFormParams(form, user)).toEqual(want);
  });
});
