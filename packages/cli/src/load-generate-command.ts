import { CliError } from "./cli-error.js";
import { EXIT } from "./exit-codes.js";

/**
 * Loads `gen generate`. The generator (@gen/codegen: typescript, ts-morph, esbuild, ...) is an
 * optional peer of @gen/cli, so `gen call` / `gen mock` install without it; when it is missing
 * this says how to add it instead of a module-not-found stack.
 */
export async function loadGenerateCommand(): Promise<typeof import("./commands/generate.js")> {
  try {
    return await import("./commands/generate.js");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes("@gen/codegen"))
      throw new CliError(
        EXIT.config,
        "`gen generate` needs the generator package @gen/codegen, which is not installed",
        "Install it next to @gen/cli: npm install --save-dev @gen/codegen",
      );
    throw error;
  }
}
