import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** A simulator in its own process, so the bench process measures the client alone. */
export async function spawnSimulator(vendor: string, taskDurationMs: number) {
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const script = fileURLToPath(new URL("./sim-server.ts", import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=@gen/source", tsx, "--conditions=@gen/source", script, vendor, String(taskDurationMs)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", () => reject(new Error("simulator exited")));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += String(chunk);
      if (out.includes("\n")) resolve();
    });
  });
  const info = JSON.parse(out.split("\n")[0]!) as {
    baseUrl: string;
    origin: string;
    credentials: Record<string, string>;
  };
  return { ...info, close: () => void child.kill() };
}
