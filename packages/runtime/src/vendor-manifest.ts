// A vendor package's self-description: @gen/spec's types, re-exported type-only (no bytes added) so
// a generated package, which depends on @gen/runtime and zod only, can name them.
export type {
  EntryPoint,
  EntryPointIssue,
  JsonSchema,
  VendorManifest,
  VendorManifestCli,
  VendorManifestEnv,
  VendorManifestExample,
  VendorManifestOperation,
  VendorManifestSimulator,
  VideoFlow,
  VideoFlowCall,
  VideoFlowSettings,
} from "@gen/spec";
