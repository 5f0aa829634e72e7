export * from "./catalog-adapter.js";
export * from "./diagnostic.js";
export * from "./model.js";
export * from "./model-reader.js";
export * from "./plan.js";
export * from "./vendor-manifest.js";
export * from "./video-flow.js";
export * from "./x-gen.js";
