/** The vendor's user-facing wording for outcomes that carry no vendor code (ima-video-ai.md). */
export const IMA_TASK_MESSAGES = {
  failed: { en: "Video generation failed, try another model", zh: "视频生成遇到问题,建议换个模型试试" },
  timedOut: {
    en: "Video generation took too long, try a faster model",
    zh: "视频生成时间过长已超时,建议用更快的模型",
  },
} as const;

/** Pick `en` or `zh` wording for a client language. */
export function imaWording(text: { en: string; zh: string }, language: string | undefined): string {
  return language?.toLowerCase().startsWith("zh") ? text.zh : text.en;
}
