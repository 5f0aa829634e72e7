export { createGenProvider, type GenProvider, type GenProviderSettings } from "./create-gen-provider.js";
export { mapGenError } from "./map-gen-error.js";
export { type MediaKind, mediaKindOf } from "./media-operations.js";
export type { GenClientLike, VendorModule } from "./vendor-sdk.js";
