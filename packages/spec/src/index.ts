export * from "./x-gen.js";
