import type { SharedV3Warning } from "@ai-sdk/provider";
import type { CallOptions, VideoFlow } from "@gen/runtime";
import type { VideoStarter } from "./gen-video-model.js";

/**
 * A video model served by the package's own `videoFlow` (its model names, not operations): the
 * flow picks the client method and input; settings it cannot honour become warnings, pointing at
 * `providerOptions.<vendor>`.
 */
export function videoFlowStarter(flow: VideoFlow, vendor: string, modelId: string): VideoStarter {
  return {
    name: `video(${modelId})`,
    urlPaths: flow.urlPaths,
    start(client, settings, passThrough) {
      const call = flow.plan(client, modelId, settings);
      const warnings: SharedV3Warning[] = call.unsupported.map((feature) => ({
        type: "unsupported",
        feature,
        details: `pass it in providerOptions.${vendor}`,
      }));
      const method = (client as unknown as Record<string, unknown>)[call.method];
      if (typeof method !== "function") throw new TypeError(`the ${vendor} client has no ${call.method}()`);
      const input = { ...call.input, ...passThrough };
      return {
        warnings,
        run: (options: CallOptions) =>
          (method as (i: unknown, o?: CallOptions) => Promise<unknown>).call(client, input, options),
      };
    },
  };
}

/** The package's `videoFlow` export, when it has one of the right shape. */
export function videoFlowOf(sdk: Record<string, unknown>): VideoFlow | undefined {
  const flow = sdk["videoFlow"] as Partial<VideoFlow> | undefined;
  return flow && typeof flow.plan === "function" && Array.isArray(flow.urlPaths)
    ? (flow as VideoFlow)
    : undefined;
}
