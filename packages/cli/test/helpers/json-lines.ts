import type { ChildProcess } from "node:child_process";

/** Calls `onLine` with each JSON line a child prints on stdout. */
export function onJsonLines(child: ChildProcess, onLine: (line: Record<string, unknown>) => void): void {
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl = buffer.indexOf("\n");
    while (nl >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line.startsWith("{")) onLine(JSON.parse(line) as Record<string, unknown>);
      nl = buffer.indexOf("\n");
    }
  });
}
