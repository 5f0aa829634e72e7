export * from "./index.gen.js";
export * from "./parse-callback.js";
