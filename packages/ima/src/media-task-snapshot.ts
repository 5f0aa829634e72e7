import type { TaskSnapshot } from "@gen/runtime";

/** One generated output. */
export interface ImaMedia {
  /** Public URL of the video. */
  url: string;
  /** First-frame thumbnail (JPEG). */
  cover?: string;
  /** Duration in seconds, parsed from the vendor's `duration_str` ("5s"). */
  duration?: number;
  /** Container format (`mp4`). */
  format?: string;
}

/** A finished video task. */
export interface ImaVideoResult {
  taskId: string;
  /** Every output, in the vendor's order (`n` > 1 gives several). */
  medias: ImaMedia[];
  /** The first output's fields, for the common single-output case. */
  url: string;
  cover?: string;
  duration?: number;
  format?: string;
}

interface WireMedia {
  resource_status?: number | string | null;
  status?: string;
  url?: string;
  watermark_url?: string;
  cover?: string;
  cover_url?: string;
  duration_str?: string;
  format?: string;
  error_msg?: string;
  remark?: string;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

const resourceStatus = (m: WireMedia): number =>
  m.resource_status === null || m.resource_status === undefined || m.resource_status === ""
    ? 0
    : Number(m.resource_status);

function toMedia(m: WireMedia): ImaMedia {
  const seconds = m.duration_str ? Number.parseFloat(m.duration_str) : Number.NaN;
  const cover = m.cover ?? m.cover_url;
  return {
    url: (m.url || m.watermark_url)!,
    ...(cover ? { cover } : {}),
    ...(Number.isFinite(seconds) ? { duration: seconds } : {}),
    ...(m.format ? { format: m.format } : {}),
  };
}

/**
 * Task state from `tasks/detail` data: `resource_status` null/0 is running, 2 failed, 3 deleted;
 * done only when every media is 1, none has `status` "failed", and every URL is present.
 */
export function mediaTaskSnapshot(taskId: string, data: unknown): TaskSnapshot<ImaVideoResult> {
  const medias = (asRecord(data)?.["medias"] as unknown[] | undefined)?.map(
    (m) => (asRecord(m) ?? {}) as WireMedia,
  );
  if (!medias?.length) return { state: "running", raw: data };
  for (const m of medias) {
    const rs = resourceStatus(m);
    if (rs === 2 || rs === 3 || (rs === 1 && m.status?.trim().toLowerCase() === "failed")) {
      const reason = m.error_msg || m.remark || (rs === 3 ? "the output was deleted" : "generation failed");
      return { state: "failed", reason, raw: data };
    }
  }
  if (!medias.every((m) => resourceStatus(m) === 1 && (m.url || m.watermark_url))) {
    // The vendor reports no progress: a share of finished medias only once one is done; until
    // then the waiter's time-based estimate (the documented min(95, elapsed / max) formula) shows.
    const done = medias.filter((m) => resourceStatus(m) === 1).length;
    if (done === 0) return { state: "running", raw: data };
    return { state: "running", progress: Math.floor((done / medias.length) * 100), raw: data };
  }
  const out = medias.map(toMedia);
  const first = out[0]!;
  return { state: "succeeded", progress: 100, result: { taskId, medias: out, ...first }, raw: data };
}
