// A form generated from an operation's input JSON Schema: enums as selects, bounded numbers as a
// slider with a number field, defaults pre-filled, arrays one item per line, file pickers where
// the vendor uploads. `readInput()` returns the input object (empty optional fields left out).
import { api } from "./api.js";
import { el } from "./dom.js";

const LONG_TEXT = /prompt|text|description|content|lyrics|script/i;

/** Renders the form; returns { readInput, showIssues }. `onChange` fires on every edit. */
export function renderForm(form, op, onChange) {
  form.replaceChildren();
  const schema = op.schema ?? { type: "object", properties: {} };
  const required = new Set(schema.required ?? []);
  const readers = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const field = renderField(name, resolveProp(prop), {
      required: required.has(name),
      vendorDefault: op.vendorDefaults?.[name],
      file: (op.fileFields ?? []).includes(name),
      onChange,
    });
    form.append(field.element);
    readers.push([name, field]);
  }
  if (readers.length === 0) form.append(el("p", { class: "meta" }, "This operation takes no input."));
  return {
    readInput() {
      const input = {};
      for (const [name, field] of readers) {
        const value = field.read();
        if (value !== undefined) input[name] = value;
      }
      return input;
    },
    fill(input) {
      for (const [name, field] of readers) field.write(input?.[name]);
    },
    showIssues(issues) {
      for (const [name, field] of readers) {
        const own = issues.filter(
          (i) => i.field === name || i.field.startsWith(`${name}.`) || i.field.split("|").includes(name),
        );
        field.message.textContent = own.map((i) => i.message).join("; ");
        field.element.classList.toggle("invalid", own.length > 0);
      }
    },
  };
}

/** Nullable and single-variant unions unwrapped to the underlying property. */
function resolveProp(prop) {
  const variants = prop.anyOf ?? prop.oneOf;
  if (variants && !variants.every((v) => v.const !== undefined)) {
    const real = variants.filter((v) => v.type !== "null");
    if (real.length === 1) return { ...real[0], ...withoutUnion(prop) };
  }
  return prop;
}

function withoutUnion(prop) {
  const { anyOf: _a, oneOf: _o, ...rest } = prop;
  return rest;
}

function enumValues(prop) {
  if (prop.enum) return prop.enum;
  const variants = prop.anyOf ?? prop.oneOf;
  if (variants?.every((v) => v.const !== undefined)) return variants.map((v) => v.const);
  return undefined;
}

function renderField(name, prop, options) {
  const id = `field-${name}`;
  const message = el("span", { class: "field-message", id: `${id}-message`, role: "alert" });
  const hint = describe(prop, options.vendorDefault);
  const label = el(
    "label",
    { for: id },
    name,
    options.required ? el("span", { class: "req", title: "required" }, " *") : "",
  );
  const control = buildControl(id, name, prop, options);
  const element = el(
    "div",
    { class: "field", "data-field": name },
    label,
    control.element,
    prop.description ? el("small", { class: "hint" }, prop.description) : "",
    hint ? el("small", { class: "hint" }, hint) : "",
    message,
  );
  element.addEventListener("input", options.onChange);
  element.addEventListener("change", options.onChange);
  return { element, message, read: control.read, write: control.write };
}

function describe(prop, vendorDefault) {
  const parts = [];
  const min = prop.minimum ?? prop.exclusiveMinimum;
  const max = prop.maximum ?? prop.exclusiveMaximum;
  if (min !== undefined || max !== undefined) parts.push(`range ${min ?? "…"} – ${max ?? "…"}`);
  if (prop.maxLength !== undefined) parts.push(`max ${prop.maxLength} characters`);
  if (prop.maxItems !== undefined) parts.push(`max ${prop.maxItems} items`);
  if (prop.minItems) parts.push(`min ${prop.minItems} items`);
  if (prop.default === undefined && vendorDefault !== undefined)
    parts.push(`vendor default ${JSON.stringify(vendorDefault)}`);
  return parts.join(" · ");
}

function buildControl(id, name, prop, options) {
  const values = enumValues(prop);
  if (values) return selectControl(id, values, prop.default, options.required);
  const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== "null") : prop.type;
  if (type === "integer" || type === "number") return numberControl(id, prop, type === "integer");
  if (type === "boolean") return selectControl(id, [true, false], prop.default, options.required);
  if (type === "array" && (prop.items?.type === "string" || prop.items === undefined)) {
    return listControl(id, prop, options.file);
  }
  if (type === "string" || type === undefined) return textControl(id, name, prop);
  return jsonControl(id, prop);
}

function selectControl(id, values, fallback, required) {
  const select = el("select", { id });
  if (!required || fallback === undefined) select.append(el("option", { value: "" }, "—"));
  for (const value of values) select.append(el("option", { value: JSON.stringify(value) }, String(value)));
  const write = (v) => {
    select.value = v === undefined ? "" : JSON.stringify(v);
  };
  write(fallback);
  return { element: select, read: () => (select.value === "" ? undefined : JSON.parse(select.value)), write };
}

function numberControl(id, prop, integer) {
  const min = prop.minimum ?? prop.exclusiveMinimum;
  const max = prop.maximum ?? prop.exclusiveMaximum;
  const step = integer ? "1" : "any";
  const number = el("input", { id, type: "number", step });
  if (min !== undefined) number.min = String(min);
  if (max !== undefined) number.max = String(max);
  const write = (v) => {
    number.value = v === undefined ? "" : String(v);
    if (slider) slider.value = number.value;
  };
  let slider;
  if (min !== undefined && max !== undefined && max > min) {
    slider = el("input", {
      type: "range",
      min: String(min),
      max: String(max),
      step: integer ? "1" : String((max - min) / 100),
      "aria-label": `${id} slider`,
    });
    slider.addEventListener("input", () => {
      number.value = slider.value;
    });
    number.addEventListener("input", () => {
      slider.value = number.value;
    });
  }
  write(prop.default);
  const read = () => (number.value === "" ? undefined : Number(number.value));
  return { element: el("div", { class: "number" }, slider ?? "", number), read, write };
}

function textControl(id, name, prop) {
  const long = LONG_TEXT.test(name) || (prop.maxLength ?? 0) > 200;
  const input = long ? el("textarea", { id, rows: "3" }) : el("input", { id, type: "text" });
  const counter = prop.maxLength ? el("small", { class: "counter" }) : null;
  const update = () => {
    if (counter) counter.textContent = `${input.value.length} / ${prop.maxLength}`;
  };
  input.addEventListener("input", update);
  const write = (v) => {
    input.value = v === undefined ? "" : String(v);
    update();
  };
  write(prop.default);
  return {
    element: el("div", { class: "text" }, input, counter ?? ""),
    read: () => (input.value === "" ? undefined : input.value),
    write,
  };
}

function listControl(id, prop, file) {
  const area = el("textarea", { id, rows: "2", placeholder: "one per line" });
  const write = (v) => {
    area.value = Array.isArray(v) ? v.join("\n") : "";
  };
  write(prop.default);
  const parts = [area];
  if (file) {
    const picker = el("input", {
      type: "file",
      multiple: "",
      "aria-label": `${id} files`,
      "data-upload": id,
    });
    picker.addEventListener("change", async () => {
      for (const f of picker.files ?? []) {
        const path = await api.upload(f);
        area.value = [area.value.trim(), path].filter(Boolean).join("\n");
      }
      picker.value = "";
      area.dispatchEvent(new Event("input", { bubbles: true }));
    });
    parts.push(
      el(
        "small",
        { class: "hint" },
        "or upload local files (the SDK sends them to the vendor's upload service):",
      ),
      picker,
    );
  }
  const read = () => {
    const items = area.value
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean);
    return items.length ? items : undefined;
  };
  return { element: el("div", { class: "list" }, ...parts), read, write };
}

function jsonControl(id, prop) {
  const area = el("textarea", { id, rows: "3", placeholder: "JSON" });
  const write = (v) => {
    area.value = v === undefined ? "" : JSON.stringify(v, null, 2);
  };
  write(prop.default);
  const read = () => {
    if (area.value.trim() === "") return undefined;
    try {
      return JSON.parse(area.value);
    } catch {
      return area.value;
    }
  };
  return { element: area, read, write };
}
