export { acmeCsvAdapter, acmeCsvAdapter as default } from "./acme-csv-adapter.js";
export { csvFieldSchema } from "./csv-field-schema.js";
export { parseCsv } from "./parse-csv.js";
