// The simulator by relative path: the generated package.json carries no devDependencies yet
// (requested in /tmp/notes/codegen-requests.md); switch to "@gen/simulator" once it does.
export type { Simulator } from "../../../simulator/src/index.js";
export { fileBytes, startSimulator } from "../../../simulator/src/index.js";
