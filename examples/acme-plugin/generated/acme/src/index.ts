export * from "./index.gen.js";
