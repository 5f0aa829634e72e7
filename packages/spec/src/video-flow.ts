/**
 * The settings a media front end (the AI SDK provider's `experimental_generateVideo`) collects for
 * one video, in its own words; a package's {@link VideoFlow} turns them into a call.
 */
export interface VideoFlowSettings {
  prompt?: string | undefined;
  /** Input images as URLs: the first frame first, then reference images. */
  images?: readonly string[] | undefined;
  /** Last frame as a URL. */
  lastFrame?: string | undefined;
  duration?: number | undefined;
  aspectRatio?: string | undefined;
  /** `WxH`. */
  size?: string | undefined;
  fps?: number | undefined;
  seed?: number | undefined;
  generateAudio?: boolean | undefined;
}

/** What a {@link VideoFlow} chose: which client method to call with which input. */
export interface VideoFlowCall {
  /** A method of the package's client (`textToVideo`). */
  method: string;
  input: Record<string, unknown>;
  /** Settings this flow cannot honour (each becomes an "unsupported" warning). */
  unsupported: readonly (keyof VideoFlowSettings)[];
}

/**
 * Video models of a package that are not one operation each (IMA: a model *name* such as `wan-2.6`,
 * served by the package's own flows). A package exports it as `videoFlow`; front ends use it for
 * a model id no operation matches, so they need no vendor-specific code.
 */
export interface VideoFlow {
  /** Dot paths of the result's media URLs (`medias.*.url`). */
  urlPaths: readonly string[];
  /** The call for `modelId` with these settings; `client` is the package's client. */
  plan(client: unknown, modelId: string, settings: VideoFlowSettings): VideoFlowCall;
}
