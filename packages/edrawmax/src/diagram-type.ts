import type { EdrawmaxClient } from "./client.gen.js";

/** The four diagram types EdrawMax generates. */
export type DiagramType = "flowchart" | "infographic" | "gantt" | "mindmap";

/** Client method per diagram type. */
export const diagramMethods: {
  readonly flowchart: "generateFlowchart";
  readonly infographic: "generateInfographic";
  readonly gantt: "generateGantt";
  readonly mindmap: "generateMindmap";
} = {
  flowchart: "generateFlowchart",
  infographic: "generateInfographic",
  gantt: "generateGantt",
  mindmap: "generateMindmap",
} satisfies Record<DiagramType, keyof EdrawmaxClient>;

/** Every diagram type, in the vendor's order. */
export const diagramTypes = Object.keys(diagramMethods) as DiagramType[];

/** True when `value` names one of the four diagram types. */
export function isDiagramType(value: unknown): value is DiagramType {
  return typeof value === "string" && Object.hasOwn(diagramMethods, value);
}
