/** Child process: starts one vendor simulator and prints `{ baseUrl, credentials }` as a JSON line. Args: <vendor> <taskDurationMs> */
import { startSimulator } from "../../packages/simulator/src/index.ts";

const [vendor = "mediaio", duration = "3000"] = process.argv.slice(2);
const sim = await startSimulator({ vendor, taskDurationMs: Number(duration) });
process.stdout.write(
  `${JSON.stringify({ baseUrl: sim.baseUrl, origin: sim.origin, credentials: sim.credentials })}\n`,
);
