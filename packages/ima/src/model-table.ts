/** Video task types the SDK drives end to end. */
export type VideoTaskType =
  | "text_to_video"
  | "image_to_video"
  | "first_last_frame_to_video"
  | "reference_image_to_video";

/** One model of `catalogs/ima/models.yaml` (emitted as `imaModels` in `constants.gen.ts`). */
export interface ImaModelEntry {
  readonly name: string;
  readonly ids: Readonly<Partial<Record<string, string>>>;
  readonly aliases?: readonly string[];
  readonly versions?: readonly string[];
  readonly estimatedSeconds?: readonly [number, number] | readonly number[];
}

/** The models table: default model per task type and every model. */
export interface ImaModelTable {
  readonly taskTypes?: readonly string[];
  readonly defaults: Readonly<Partial<Record<string, string>>>;
  readonly models: readonly ImaModelEntry[];
  /** Failure fallback table: model name -> alternatives to suggest; `*` any other; `timeout` faster ones. */
  readonly alternatives?: Readonly<Partial<Record<string, readonly string[]>>>;
  /** Words for "the cheapest" / "the best" model; `best.model` names the pick. */
  readonly choices?: {
    readonly cheapest?: { readonly aliases: readonly string[] };
    readonly best?: { readonly aliases: readonly string[]; readonly model: string };
  };
}
