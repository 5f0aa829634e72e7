import { defineSimulatorPlugin } from "../define-simulator-plugin.js";
import { fileBytes } from "../file-bytes.js";
import type { SimContext, SimRequest, SimResponse, SimulatorPlugin } from "../types.js";

/**
 * Host names of the EdrawMax simulator, each served by its own loopback server (`sim.hosts`).
 * `results` and `redirects` are on the vendor's result list; `offList` is not (a hostile target
 * that serves real bytes, so a client that followed it would write a file).
 */
export const edrawmaxSimHosts = {
  results: "edrawmax-sim.oss-cn-hangzhou.aliyuncs.com",
  redirects: "static.edrawsoft.com",
  offList: "attacker.example",
} as const;

/** Vendor-host route (relative to `/api/ai`) that queues overrides of the next results' fields. */
export const EDRAWMAX_NEXT_RESULT_PATH = "/__edrawmax/next-result";

const QUEUE = "edrawmax.nextResults";
const BODY_USER_FIELDS = ["user_id", "userId", "X-User-ID"];

type Overrides = Record<string, unknown>;

function queue(ctx: SimContext): Overrides[] {
  const found = ctx.state.get(QUEUE) as Overrides[] | undefined;
  if (found) return found;
  const created: Overrides[] = [];
  ctx.state.set(QUEUE, created);
  return created;
}

function diagramData(type: string, req: SimRequest, ctx: SimContext): Record<string, unknown> {
  const id = `${type}-${ctx.ledger.entries.length}`;
  const base = `https://${edrawmaxSimHosts.results}/work/${id}`;
  const prompt = String((req.body as { prompt?: unknown } | undefined)?.prompt ?? "").replace(
    /[\r\n"[\]]/g,
    " ",
  );
  const data: Record<string, unknown> = { png_url: `${base}/thumb.png`, svg_url: `${base}/main.svg` };
  if (type === "flowchart")
    data["mermaid_code"] = `flowchart TD\n  A[Start] --> B["${prompt}"]\n  B --> C[End]`;
  else data["source_code"] = JSON.stringify({ type, title: prompt });
  return { ...data, ...queue(ctx).shift() };
}

async function generate(req: SimRequest, ctx: SimContext): Promise<SimResponse> {
  const body = req.body as Record<string, unknown> | undefined;
  const misplaced = BODY_USER_FIELDS.find((f) => body && Object.hasOwn(body, f));
  if (misplaced) return ctx.error(400, `bad param: ${misplaced} must be sent as the X-User-ID header`);
  const answer = await ctx.handleOperation(req);
  const envelope = answer.json as { code?: unknown } | undefined;
  if (String(envelope?.code) !== "0") return answer;
  return ctx.ok(diagramData(req.params["type"] ?? "diagram", req, ctx));
}

function file(name: string): SimResponse {
  const kind = name.split(".").pop() ?? "";
  const found = kind === "png" || kind === "svg" ? fileBytes(kind) : undefined;
  if (!found) return { status: 404, headers: { "content-type": "text/plain" }, body: "not found" };
  return { status: 200, headers: { "content-type": found.type }, body: found.bytes };
}

const redirect = (location: string): SimResponse => ({ status: 302, headers: { location }, body: "" });

/**
 * EdrawMax behaviour the model cannot express: realistic diagram results (Mermaid for the
 * flowchart, `source_code` for the others) whose URLs live on an `.aliyuncs.com` result host; a
 * `.edrawsoft.com` host that redirects within the result list, off it, or anywhere (`/r/to?location=`);
 * result files with a wrong content type (`/mislabeled/…`), served as `application/octet-stream`
 * with the real bytes (`/octet/…`) or an HTML page (`/octet-html/…`), or a large body (`/large/…`); and a
 * refusal of a user id sent in the body.
 */
export const edrawmaxPlugin: SimulatorPlugin = defineSimulatorPlugin({
  vendor: "edrawmax",
  routes: [
    { method: "POST", path: "/skills/generate-{type}", handle: generate },
    {
      method: "POST",
      path: EDRAWMAX_NEXT_RESULT_PATH,
      auth: false,
      handle: (req, ctx) => {
        const items = Array.isArray(req.body) ? req.body : [req.body];
        queue(ctx).push(...items.filter((i): i is Overrides => Boolean(i) && typeof i === "object"));
        return ctx.ok({ queued: queue(ctx).length });
      },
    },
  ],
  hosts: [
    {
      host: edrawmaxSimHosts.results,
      routes: [
        { method: "GET", path: "/work/{id}/{name}", handle: (req) => file(req.params["name"] ?? "") },
        {
          method: "GET",
          path: "/mislabeled/{name}",
          handle: () => ({
            status: 200,
            headers: { "content-type": "text/html" },
            body: "<html>login</html>",
          }),
        },
        {
          // Object storage that labels every object generically: the real bytes, content type unknown.
          method: "GET",
          path: "/octet/{name}",
          handle: (req) => ({
            ...file(req.params["name"] ?? ""),
            headers: { "content-type": "application/octet-stream" },
          }),
        },
        {
          method: "GET",
          path: "/octet-html/{name}",
          handle: () => ({
            status: 200,
            headers: { "content-type": "application/octet-stream" },
            body: "<html>login</html>",
          }),
        },
        {
          method: "GET",
          path: "/large/{name}",
          handle: (req) => {
            const bytes = Buffer.alloc(Number(req.query.get("bytes") ?? 65_536), 0x20);
            return { status: 200, headers: { "content-type": "image/png" }, body: bytes };
          },
        },
      ],
    },
    {
      host: edrawmaxSimHosts.redirects,
      routes: [
        {
          method: "GET",
          path: "/r/in-list/{name}",
          handle: (req) =>
            redirect(`https://${edrawmaxSimHosts.results}/work/redirected/${req.params["name"]}`),
        },
        {
          method: "GET",
          path: "/r/off-list/{name}",
          handle: (req) => redirect(`https://${edrawmaxSimHosts.offList}/${req.params["name"]}`),
        },
        { method: "GET", path: "/r/to", handle: (req) => redirect(req.query.get("location") ?? "/") },
      ],
    },
    {
      host: edrawmaxSimHosts.offList,
      routes: [{ method: "GET", path: "/{name}", handle: (req) => file(req.params["name"] ?? "") }],
    },
  ],
});
