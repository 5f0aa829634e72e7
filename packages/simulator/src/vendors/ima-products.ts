/**
 * The IMA simulator's live product list: a fixture shaped like the vendor's V2 tree, with a
 * multi-rule model (Veo: duration x resolution x a virtual quality field), a model id shared by
 * several versions (Pixverse V3.5-V5.5, unsorted, some lacking `model` in their form), a model
 * without a default rule (Kling O1) and one that answers 500 at 1080P (Vidu Q2).
 * `revision` shifts attribute ids and points, as a live price change does.
 */
type Attrs = Record<string, string | boolean>;
type Rule = { attribute_id: number; points: number; attributes: Attrs };

export interface ImaSimOptions {
  /** Price revision: every attribute id shifts by 10000 and every price by 1 per revision. */
  revision: number;
  /** Model ids whose rules gain an extra required attribute (`generate_audio: false`). */
  extraAttribute: readonly string[];
}

export interface ImaSimLeaf {
  type: "3";
  id: string;
  model_id: string;
  name: string;
  form_config: Array<Record<string, unknown>>;
  credit_rules: Rule[];
  /** Simulator-only (stripped from the wire): inner `model` the backend requires. */
  requiresModel?: string;
  /** Simulator-only: resolutions the backend rejects with code 500. */
  rejects?: string[];
}

const field = (name: string, value: unknown) => ({ field: name, value });

function rules(base: number, combos: Array<[Attrs, number]>, withDefault: boolean): Rule[] {
  const out: Rule[] = withDefault
    ? [{ attribute_id: base, points: combos[0]![1], attributes: { default: "enabled" } }]
    : [];
  for (const [i, [attributes, points]] of combos.entries())
    out.push({ attribute_id: base + i + 1, points, attributes });
  return out;
}

function wan(id: string): ImaSimLeaf {
  const combos: Array<[Attrs, number]> = [];
  for (const [d, p720, p1080] of [
    ["5", 25, 40],
    ["10", 50, 80],
    ["15", 75, 120],
  ] as const) {
    combos.push([{ resolution: "720P", duration: d }, p720], [{ resolution: "1080P", duration: d }, p1080]);
  }
  return {
    type: "3",
    id,
    model_id: id,
    name: "Wan 2.6",
    form_config: [
      field("negative_prompt", ""),
      field("prompt_extend", false),
      field("duration", 5),
      field("resolution", "720P"),
      field("aspect_ratio", "16:9"),
      field("shot_type", "single"),
      field("seed", -1),
    ],
    credit_rules: rules(id.endsWith("t2v") ? 2056 : 3056, combos, true),
  };
}

const veo: ImaSimLeaf = {
  type: "3",
  id: "veo-3.1-generate-preview",
  model_id: "veo-3.1-generate-preview",
  name: "Google Veo 3.1",
  form_config: [
    field("duration", 4),
    field("resolution", "720P"),
    {
      field: "video_quality",
      is_ui_virtual: true,
      value: "optimized",
      ui_params: [{ field: "quality_level", value: "standard" }],
      value_mapping: {
        target_param: "compression_quality",
        mapping_rules: [
          { source_values: { quality_level: "standard" }, target_value: "optimized" },
          { source_values: { quality_level: "premium" }, target_value: "high" },
        ],
      },
    },
  ],
  credit_rules: rules(
    4100,
    [
      [{ resolution: "720P", duration: "4", compression_quality: "optimized" }, 70],
      [{ resolution: "720P", duration: "8", compression_quality: "optimized" }, 140],
      [{ resolution: "1080P", duration: "8", compression_quality: "optimized" }, 160],
      [{ resolution: "4K", duration: "4", compression_quality: "high" }, 330],
    ],
    true,
  ),
};

const kling: ImaSimLeaf = {
  type: "3",
  id: "kling-video-o1",
  model_id: "kling-video-o1",
  name: "Kling O1",
  form_config: [field("duration", 5), field("mode", "std"), field("aspect_ratio", "16:9")],
  credit_rules: rules(
    2312,
    [
      [{ mode: "std", duration: "5" }, 48],
      [{ mode: "pro", duration: "5" }, 60],
      [{ mode: "std", duration: "10" }, 96],
      [{ mode: "pro", duration: "10" }, 120],
    ],
    false,
  ),
};

function vidu(id: string, name: string): ImaSimLeaf {
  return {
    type: "3",
    id,
    model_id: id,
    name,
    form_config: [field("duration", 5), field("resolution", "720P")],
    credit_rules: rules(
      5000,
      [
        [{ resolution: "540P" }, 5],
        [{ resolution: "720P" }, 10],
        [{ resolution: "1080P" }, 20],
      ],
      true,
    ),
    rejects: ["1080P"],
  };
}

function pixverse(version: string, formModel: boolean, base: number): ImaSimLeaf {
  const model = `v${version}`;
  return {
    type: "3",
    id: `pixverse-${model}`,
    model_id: "pixverse",
    name: `Pixverse V${version}`,
    form_config: [
      field("duration", 5),
      field("resolution", "540P"),
      ...(formModel ? [field("model", model)] : []),
    ],
    credit_rules: rules(
      base,
      [
        [{ resolution: "540P" }, 12],
        [{ resolution: "720P" }, 24],
        [{ resolution: "1080P" }, 48],
      ],
      true,
    ),
    requiresModel: model,
  };
}

const pixverses = (): ImaSimLeaf[] => [
  pixverse("5.5", false, 6500),
  pixverse("3.5", true, 6100),
  pixverse("5", false, 6400),
  pixverse("4", false, 6200),
  pixverse("4.5", true, 6300),
];

const group = (name: string, children: unknown[]) => ({ type: "2", id: `group-${name}`, name, children });

const CATALOG: Record<string, () => unknown[]> = {
  text_to_video: () => [
    group("Wan", [wan("wan2.6-t2v")]),
    group("Google Veo", [veo]),
    group("Kling", [kling]),
    group("Vidu", [vidu("viduq2", "Vidu Q2")]),
    group("Pixverse", pixverses()),
  ],
  image_to_video: () => [
    group("Wan", [wan("wan2.6-i2v")]),
    group("Kling", [kling]),
    group("Vidu", [vidu("viduq2-pro", "Vidu Q2 Pro")]),
    group("Pixverse", pixverses()),
  ],
  first_last_frame_to_video: () => [group("Kling", [kling]), group("Pixverse", pixverses())],
  reference_image_to_video: () => [
    group("Kling", [kling]),
    group("Google Veo", [veo]),
    group("Pixverse", pixverses()),
  ],
};

function revise(leaf: ImaSimLeaf, options: ImaSimOptions): ImaSimLeaf {
  const extra = options.extraAttribute.includes(leaf.model_id);
  return {
    ...leaf,
    credit_rules: leaf.credit_rules.map((r) => ({
      attribute_id: r.attribute_id + options.revision * 10_000,
      points: r.points + options.revision,
      attributes:
        extra && !("default" in r.attributes) ? { ...r.attributes, generate_audio: false } : r.attributes,
    })),
  };
}

function mapLeaves(nodes: unknown[], fn: (leaf: ImaSimLeaf) => unknown): unknown[] {
  return nodes.map((n) => {
    const node = n as { type: string; children?: unknown[] };
    if (node.type === "3") return fn(node as ImaSimLeaf);
    return { ...node, children: mapLeaves(node.children ?? [], fn) };
  });
}

/** The product tree of a category as the simulator answers it (unknown category: empty). */
export function imaProductTree(category: string, options: ImaSimOptions): unknown[] {
  const build = CATALOG[category];
  if (!build) return [];
  return mapLeaves(build(), (leaf) => {
    const { requiresModel: _m, rejects: _r, ...wire } = revise(leaf, options);
    return wire;
  });
}

/** The simulator's own view of a leaf (with its backend-only flags), by model id and version id. */
export function imaSimLeaf(
  category: string,
  modelVersion: string,
  options: ImaSimOptions,
): ImaSimLeaf | undefined {
  const build = CATALOG[category];
  if (!build) return undefined;
  let found: ImaSimLeaf | undefined;
  mapLeaves(build(), (leaf) => {
    if (leaf.id === modelVersion) found = revise(leaf, options);
    return leaf;
  });
  return found;
}
