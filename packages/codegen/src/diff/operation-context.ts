import type { GenModel } from "@gen/spec";
import type { OperationPlan } from "../emit/operation-plan.js";
import type { Emit } from "./field-table.js";

/** What every per-operation comparison sees: both models, both plans, the operation's id. */
export interface OperationContext {
  ma: GenModel;
  mb: GenModel;
  pa: OperationPlan;
  pb: OperationPlan;
  op: string;
  emit: Emit;
}
