/**
 * Public constants of the vendor's own client for its upload service (published in its source;
 * not a user secret). Override with `createIma({ uploadAppId, uploadAppKey })` if the vendor
 * rotates them.
 */
export const IMA_UPLOAD_APP = { appId: "webAgent", appKey: "32jdskjdk320eew" } as const;
