import type { ProductNode, ProductVersion } from "./product-types.js";

/** Every version leaf (`type` 3) of the product tree, depth first, in the vendor's order. */
export function versionLeaves(tree: readonly ProductNode[] | undefined): ProductVersion[] {
  const out: ProductVersion[] = [];
  const walk = (nodes: readonly ProductNode[] | undefined): void => {
    for (const node of nodes ?? []) {
      if (!node || typeof node !== "object") continue;
      if (String(node.type) === "3" && node.id !== undefined && typeof node.model_id === "string") {
        out.push({ ...node, id: node.id, model_id: node.model_id, name: node.name ?? String(node.id) });
      }
      if (Array.isArray(node.children)) walk(node.children);
    }
  };
  walk(tree);
  return out;
}
