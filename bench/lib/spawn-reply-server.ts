import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/**
 * Starts a keep-alive loopback HTTP server in its own process (so the bench process measures the
 * client alone). `reply` is the source of a JS function `(req) => string` run in the child for
 * each request, after its body was read; the answer is sent as 200 JSON.
 */
export async function spawnReplyServer(reply: string): Promise<{ child: ChildProcess; origin: string }> {
  const source = `
const http = require("node:http");
const reply = ${reply};
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const body = reply(req);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(child.stdout!, "data")) as [Buffer];
  return { child, origin: `http://127.0.0.1:${line.toString().trim()}` };
}
