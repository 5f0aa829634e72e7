import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ApiContext, handleApi } from "./api-routes.js";
import { HistoryStore } from "./history-store.js";
import { HttpError, SECURITY_HEADERS, sendJson } from "./http-helpers.js";
import { createRequestGuard } from "./request-guard.js";
import { RunManager } from "./run-manager.js";
import { serveFile } from "./serve-file.js";
import type { StudioBackend } from "./types.js";

/** The page's files (plain ES modules and CSS, shipped as they are: no build step). */
const PUBLIC_DIR = fileURLToPath(new URL("../public/", import.meta.url));

/** Options of {@link startStudio}. */
export interface StudioOptions {
  backend: StudioBackend;
  /** Folder for `history.json`, downloaded results and uploads (see `defaultDataDir`). */
  dataDir: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** Fixed delay between polls, ms (default: each vendor's adaptive schedule). */
  pollMs?: number;
  /** The access token (default: 32 random bytes, new at every start). */
  token?: string;
}

/** A running studio. */
export interface Studio {
  /** `http://127.0.0.1:PORT/?token=...`: the URL to open (it sets the session cookie). */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Where an unreadable `history.json` was moved aside at start (a new history was begun). */
  recoveredHistory?: string;
  close(): Promise<void>;
}

/**
 * Starts the studio server on 127.0.0.1. Every request must carry the per-start token (in the URL
 * once, then an HttpOnly SameSite=Strict cookie, or `Authorization: Bearer`), a loopback Host
 * (DNS rebinding) and, when it has one, the studio's own Origin. Credentials stay in this process.
 */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  const token = options.token ?? randomBytes(32).toString("base64url");
  const history = await HistoryStore.open(join(options.dataDir, "history.json"));
  const filesDir = join(options.dataDir, "files");
  const runs = new RunManager({
    history,
    filesDir,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  const ctx: ApiContext = {
    vendors: await options.backend.vendors(),
    runs,
    history,
    filesDir,
    uploadsDir: join(options.dataDir, "uploads"),
  };
  let guard = createRequestGuard(0, token);
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => fail(res, error));
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const refusal = guard.check(req, url);
    if (refusal) return sendJson(res, refusal.status, { error: refusal.reason });
    if (guard.hasUrlToken(url)) {
      // Trade the URL token for the cookie, and drop it from the address bar and history.
      res.writeHead(303, { ...SECURITY_HEADERS, "Set-Cookie": guard.sessionCookie(), Location: "/" });
      return void res.end();
    }
    if (url.pathname.startsWith("/api/")) return handleApi(ctx, req, res, url);
    if (req.method !== "GET") throw new HttpError(405, "method not allowed");
    const file = url.pathname === "/" ? "index.html" : url.pathname.slice(1);
    return serveFile(res, PUBLIC_DIR, file);
  };
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = createRequestGuard(port, token);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    ...(history.recoveredFrom ? { recoveredHistory: history.recoveredFrom } : {}),
    close: async () => {
      runs.stopAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent) res.end();
  else if (error instanceof HttpError) sendJson(res, error.status, { error: error.message });
  else sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
}
