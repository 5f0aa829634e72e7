export * from "./diagram-download-error.js";
export * from "./diagram-type.js";
export * from "./generate-and-download.js";
export * from "./index.gen.js";
