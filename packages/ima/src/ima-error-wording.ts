import { type GenError, isGenError, NetworkError } from "@gen/runtime";
import { imaWording } from "./ima-messages.js";

/** The vendor's user-facing wording for errors that carry no code of its own (ima-video-ai.md). */
export const IMA_ERROR_MESSAGES = {
  network: {
    en: "Network connection unstable, check network and retry",
    zh: "网络连接不稳定,请检查网络后重试",
  },
  rateLimited: { en: "Too many requests, please wait a moment", zh: "请求过于频繁,请稍等片刻再试" },
  unavailable: {
    en: "Model temporarily unavailable, try another model",
    zh: "当前模型暂时不可用,建议换个模型",
  },
  productAttribute: { en: "Configuration error, please try again later", zh: "生成参数配置异常,请稍后重试" },
  moderation: {
    en: "Prompt contains restricted content (e.g. people), Sora doesn't support it, try another model",
    zh: "提示词包含敏感内容(如人物),Sora 不支持,请换其他模型",
  },
} as const;

/** A vendor text that says the prompt was refused by moderation. */
export const MODERATION: RegExp = /content policy|moderation|sensitive|restricted content|违规|敏感/i;
const PRODUCT_ATTRIBUTE = /invalid product attribute/i;

/** The vendor's wording for `error`, when it has one the code table does not already give. */
function wordingFor(error: GenError): { en: string; zh: string } | undefined {
  const text = `${error.vendorMessage ?? ""} ${(error as { reason?: string }).reason ?? ""}`;
  if (error instanceof NetworkError || error.kind === "network") return IMA_ERROR_MESSAGES.network;
  // "Invalid product attribute" -> "Insufficient points" without code 4008: a missing attribute_id.
  if (PRODUCT_ATTRIBUTE.test(text) || (/insufficient points/i.test(text) && error.code !== "4008"))
    return IMA_ERROR_MESSAGES.productAttribute;
  if (MODERATION.test(text) || error.kind === "content_rejected") return IMA_ERROR_MESSAGES.moderation;
  if (error.code === undefined && error.status === 429) return IMA_ERROR_MESSAGES.rateLimited;
  if (error.code === undefined && error.status === 503) return IMA_ERROR_MESSAGES.unavailable;
  return undefined;
}

/**
 * Gives an IMA error the vendor's user wording (in `language`) and the models to suggest: sets
 * `userMessage` (alternatives appended: "Try Hailuo 2.0 or Kling 1.6") and an `alternatives`
 * array on the error. `message` keeps the vendor's own reason. Returns the same error.
 */
export function withImaWording<E>(
  error: E,
  language: string | undefined,
  alternatives: readonly string[] = [],
): E {
  if (!isGenError(error)) return error;
  const wording = wordingFor(error);
  const base = wording ? imaWording(wording, language) : error.userMessage;
  const zh = language?.toLowerCase().startsWith("zh");
  const suggest = alternatives.length
    ? zh
      ? `。可换用:${alternatives.join(" 或 ")}`
      : `. Try ${alternatives.join(" or ")}`
    : "";
  Object.defineProperty(error, "userMessage", {
    value: `${base}${suggest}`,
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(error, "alternatives", {
    value: [...alternatives],
    enumerable: true,
    configurable: true,
  });
  return error;
}
