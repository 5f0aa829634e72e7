// One side of bench/user-create.ts, in its own fresh process, as a user runs it: plain `node`, the
// built package (`dist`, no source condition, no TypeScript loader).
//   node bench/lib/create-worker.mjs client|undici ORIGIN WARMUP
// Prints "ready" after the warm-up; then for each line "N" on stdin makes N sequential creates and
// prints {"wallUs","cpuUs"} per call.
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

const [kind, origin, warmup = "300"] = process.argv.slice(2);
const input = { prompt: "a red fox in the snow", ratio: "1:1" };
let call;
if (kind === "client") {
  const { createMediaio } = await import("../../packages/mediaio/dist/index.js");
  const client = createMediaio({
    apiKey: "bench-key",
    baseUrl: origin,
    allowInsecureLoopback: true,
    env: {},
  });
  call = async () => {
    const task = await client.t2iImagen4(input);
    if (task.taskId !== "t-123") throw new Error(`unexpected task ${task.taskId}`);
  };
} else {
  const { Agent, request } = await import("undici");
  const dispatcher = new Agent({ keepAliveTimeout: 60_000 });
  const url = `${origin}/generation/imagen/t2i-imagen-4`;
  const headers = {
    "content-type": "application/json",
    accept: "application/json",
    "x-api-key": "bench-key",
  };
  call = async () => {
    const res = await request(url, {
      method: "POST",
      headers,
      body: JSON.stringify({ data: input }),
      dispatcher,
    });
    const json = await res.body.json();
    if (json.code !== 0 || json.data?.task_id !== "t-123") throw new Error("unexpected answer");
  };
}
for (let i = 0; i < Number(warmup); i++) await call();
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  const n = Number(line);
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) await call();
  const wallUs = ((performance.now() - start) * 1000) / n;
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ wallUs, cpuUs: (used.user + used.system) / n })}\n`);
}
