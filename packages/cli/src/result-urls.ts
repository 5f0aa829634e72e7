// One definition, in the runtime: the CLI, the MCP server and the AI SDK providers share it.
export { findResultUrls as resultUrls } from "@gen/runtime";
