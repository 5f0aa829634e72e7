import { type CallOptions, InvalidRequestError } from "@gen/runtime";
import type { VideoTaskType } from "./model-table.js";
import { listProductsOperation } from "./operations.gen.js";
import { pickVersion } from "./pick-version.js";
import type { ProductNode, ProductVersion } from "./product-types.js";
import { type ResolvedModel, resolveModel } from "./resolve-model.js";
import { versionLeaves } from "./version-leaves.js";
import type { CreateVideoDeps } from "./video-request.js";

const squash = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_]+/g, "");

/** What a video request resolves to before anything is paid: model, version, priced body. */
export interface VideoPlan {
  resolved: ResolvedModel;
  pin: string | undefined;
  leaf: ProductVersion;
  products: () => Promise<ProductNode[]>;
}

/** Resolves the model (names, aliases, "cheapest" / "best") and its live product version. */
export async function planVideo(
  deps: CreateVideoDeps,
  taskType: VideoTaskType,
  model: string | undefined,
  version: string | undefined,
  call: CallOptions,
): Promise<VideoPlan> {
  const products = () =>
    deps.cache.get(taskType, async () => {
      const tree = await deps.runtime.invoke(
        listProductsOperation,
        { app: "ima", platform: "web", category: taskType },
        call,
      );
      return (Array.isArray(tree) ? tree : []) as ProductNode[];
    });
  const { cheapest, best } = deps.models.choices ?? {};
  const wanted = model === undefined ? undefined : squash(model);
  if (wanted && cheapest?.aliases.some((a) => squash(a) === wanted)) {
    const leaf = cheapestLeaf(versionLeaves(await products()));
    if (!leaf) throw noProducts(taskType);
    const named = deps.models.models.find((m) => m.ids[taskType] === leaf.model_id);
    const resolved = named
      ? resolveModel(deps.models, taskType, leaf.model_id)
      : { modelId: leaf.model_id, name: leaf.name };
    return { resolved, pin: String(leaf.id), leaf, products };
  }
  const asked = wanted && best?.aliases.some((a) => squash(a) === wanted) ? best.model : model;
  const resolved = resolveModel(deps.models, taskType, asked);
  const pin = version ?? resolved.version;
  const leaf = pickVersion(versionLeaves(await products()), resolved.modelId, pin);
  return { resolved, pin, leaf, products };
}

/** The version whose cheapest credit rule costs least (first on a tie). */
function cheapestLeaf(leaves: readonly ProductVersion[]): ProductVersion | undefined {
  const cost = (leaf: ProductVersion) =>
    Math.min(...(leaf.credit_rules ?? []).map((r) => Number(r.points)).filter(Number.isFinite));
  return [...leaves].filter((l) => Number.isFinite(cost(l))).sort((a, b) => cost(a) - cost(b))[0];
}

function noProducts(taskType: string) {
  return InvalidRequestError.fromIssues([
    {
      field: "model",
      rule: "available",
      message: `the product list offers no priced version for ${taskType}`,
    },
  ]);
}
