import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCallTarget } from "../../src/call-target.js";
import type { StudioServer } from "../../src/commands/studio.js";
import { openClient } from "../../src/open-vendor.js";
import { findVendor, loadVendor } from "../../src/vendors.js";
import { captureIo } from "../helpers/capture-io.js";
import { collect, genArgv, ROOT } from "../helpers/run-gen.js";
import {
  HAS_CHROMIUM,
  launchChromium,
  type StudioFixture,
  shot,
  studioFixture,
  TASK_MS,
} from "./studio-fixture.js";

if (!HAS_CHROMIUM) console.log("install chromium (apt-get install -y chromium)");

/** One operation per vendor: a rule the form must refuse, then a valid input to run. */
interface VendorCase {
  vendor: string;
  search: string;
  op: string;
  /** Typed into the form: the SDK refuses it (field -> text). */
  bad: Record<string, string>;
  badField: string;
  /** Typed next: valid (an empty string clears the field). */
  good: Record<string, string>;
  /** A local file to upload into this field (vendors that upload). */
  upload?: string;
  preview: "img" | "video" | "audio";
  task: boolean;
  /** The vendor reports a queued state before running (IMA only reports running). */
  queued?: boolean;
}

const CASES: VendorCase[] = [
  {
    vendor: "mediaio",
    search: "imagen",
    op: "t2iImagen4",
    bad: { prompt: "a".repeat(1201) },
    badField: "prompt",
    good: { prompt: "a lighthouse at dusk, waves crashing" },
    preview: "img",
    task: true,
    queued: true,
  },
  {
    vendor: "tomoviee",
    search: "music",
    op: "textToMusic",
    bad: { prompt: "calm piano for a rainy evening", duration: "120", qty: "1" },
    badField: "duration",
    good: { duration: "30" },
    preview: "audio",
    task: true,
    queued: true,
  },
  {
    vendor: "edrawmax",
    search: "flowchart",
    op: "generateFlowchart",
    bad: { prompt: "user sign-up with email verification", userId: "u".repeat(129) },
    badField: "userId",
    good: { userId: "" },
    preview: "img",
    task: false,
  },
  {
    vendor: "ima",
    search: "first_last",
    op: "firstLastFrameToVideo",
    bad: {
      prompt: "the cat turns its head",
      images: "https://example.com/a.png\nhttps://example.com/b.png\nhttps://example.com/c.png",
    },
    badField: "images",
    good: { images: "" },
    upload: "images",
    preview: "video",
    task: true,
  },
];

/** Runs a command line in a POSIX shell (as a user pastes it), with only `env` and PATH. */
function runShell(line: string, env: Record<string, string>) {
  return collect(spawn("sh", ["-c", line], { env: { PATH: process.env.PATH, ...env } }));
}

const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

describe.skipIf(!HAS_CHROMIUM)(
  "gen studio in headless chromium, against the simulators",
  { timeout: 90_000 },
  () => {
    let fx: StudioFixture;
    let server: StudioServer;
    let context: BrowserContext;
    let page: Page;
    let close: () => Promise<void>;

    beforeAll(async () => {
      fx = await studioFixture();
      server = await fx.startStudio();
      const launched = await launchChromium();
      ({ context, page } = launched);
      page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
      page.on("request", (request) => {
        if (request.url().endsWith("/api/validate"))
          lastChecked = (request.postDataJSON() as { input: unknown }).input;
      });
      close = () => launched.browser.close();
    }, 60_000);

    afterAll(async () => {
      await close?.();
      await fx?.close();
    });

    async function open(): Promise<void> {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.studio.origin });
      await page.goto(server.studio.url);
      await page.waitForSelector("body[data-ready='true']");
      // The token was traded for an HttpOnly cookie and dropped from the address bar.
      expect(page.url()).toBe(`${server.studio.origin}/`);
    }

    async function fill(values: Record<string, string>): Promise<void> {
      for (const [field, value] of Object.entries(values)) await page.fill(`#field-${field}`, value);
      await page.waitForSelector("body[data-checked='true']");
    }

    /** The SDK's own messages for `input` (it refuses before any request). */
    async function sdkMessages(vendorId: string, op: string, input: unknown, field: string): Promise<string> {
      const vendor = await loadVendor((await findVendor(ROOT, vendorId))!);
      const io = { ...captureIo(), env: fx.env };
      const client = openClient(vendor!, io, { baseUrl: fx.env[`GEN_${vendorId.toUpperCase()}_BASE_URL`] });
      const error = await findCallTarget(vendor!, op)
        .invoke(client, input)
        .then(
          () => undefined,
          (e: unknown) => e as { kind?: string; issues?: Array<{ field: string; message: string }> },
        );
      expect(error?.kind).toBe("invalid_request");
      return (error?.issues ?? [])
        .filter((i) => i.field === field)
        .map((i) => i.message)
        .join("; ");
    }

    /** The input the page last sent to `/api/validate` (what the form reads). */
    let lastChecked: unknown;

    /** Waits until the run panel shows `state` (and progress `status`); a failed run fails fast with its error. */
    async function panel(state: string, status?: string): Promise<void> {
      const seen = await page
        .waitForFunction(
          ([want, wantStatus]) => {
            const el = document.getElementById("run-panel") as HTMLElement;
            const { state: now, status: progress } = el.dataset;
            if (now === want && (!wantStatus || progress === wantStatus)) return { ok: true, text: "" };
            if (now === "failed" && want !== "failed") return { ok: false, text: el.textContent ?? "" };
            return false;
          },
          [state, status] as const,
        )
        .catch(async (e) => {
          await shot(page, "zz-failed-wait"); // what the page showed when the wait gave up
          throw e;
        });
      const result = (await seen.jsonValue()) as { ok: boolean; text: string };
      if (!result.ok) throw new Error(`the run failed: ${result.text}`);
    }

    async function copied(lang: string): Promise<string> {
      await page.click(`.tab[data-lang='${lang}']`);
      await page.click("#copy");
      await page.waitForSelector(`#copy[data-copied$=':${lang}']`);
      return page.evaluate(() => navigator.clipboard.readText());
    }

    it("opens the catalogue with every vendor and searches it", async () => {
      await open();
      for (const c of CASES) await page.waitForSelector(`.vendor[data-vendor='${c.vendor}']`);
      await page.fill("#search", "flowchart");
      await page.waitForSelector(".vendor[data-vendor='mediaio']", { state: "detached" });
      expect(await page.locator(".op").count()).toBeGreaterThan(0);
      expect(await page.locator(".op[data-vendor='edrawmax'][data-op='generateFlowchart']").count()).toBe(1);
      await shot(page, "01-catalogue-search");
    });

    it("a page from another origin cannot drive it, even with the session cookie", async () => {
      // Same host, other port: the same site for cookies, so only the Origin check stands between.
      const evil = createServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "text/html" });
        res.end("<!doctype html><title>elsewhere</title>");
      });
      await new Promise<void>((done) => evil.listen(0, "127.0.0.1", done));
      const other = await context.newPage();
      try {
        await other.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
        const seen = await other.evaluate(async (studio) => {
          const body = JSON.stringify({ vendor: "mediaio", operation: "t2iImagen4", input: { prompt: "x" } });
          const out: string[] = [];
          await fetch(`${studio}/api/runs`, { method: "POST", mode: "no-cors", credentials: "include", body })
            .then((r) => out.push(`no-cors ${r.type}`))
            .catch((e: Error) => out.push(`no-cors ${e.name}`));
          await fetch(`${studio}/api/runs`, {
            method: "POST",
            credentials: "include",
            headers: { "Content-Type": "application/json" },
            body,
          })
            .then((r) => out.push(`cors ${r.status}`))
            .catch((e: Error) => out.push(`cors ${e.name}`));
          await fetch(`${studio}/api/catalog`, { credentials: "include" })
            .then((r) => out.push(`read ${r.status}`))
            .catch((e: Error) => out.push(`read ${e.name}`));
          return out;
        }, server.studio.origin);
        expect(seen).toEqual(["no-cors opaque", "cors TypeError", "read TypeError"]);
      } finally {
        await other.close();
        evil.close();
      }
      expect(fx.sims.mediaio?.ledger.entries).toEqual([]);
      const runs = await page.evaluate(async () => (await (await fetch("/api/runs")).json()).runs.length);
      expect(runs).toBe(0);
    });

    for (const [index, c] of CASES.entries()) {
      it(`${c.vendor}: refuses a rule violation before any request, runs, previews, copies code`, async () => {
        const sim = fx.sims[c.vendor]!;
        const step = (name: string) =>
          shot(page, `${String(index + 2).padStart(2, "0")}-${c.vendor}-${name}`);
        await page.fill("#search", c.search);
        await page.click(`.op[data-vendor='${c.vendor}'][data-op='${c.op}']`);
        await page.waitForSelector("body[data-checked='true']");
        sim.ledger.entries.length = 0;

        // A violation: the SDK's message under the field, Run disabled, and the server refuses it too.
        await fill(c.bad);
        const input = lastChecked as Record<string, unknown>;
        const expected = await sdkMessages(c.vendor, c.op, input, c.badField);
        expect(expected).not.toBe("");
        expect(await page.textContent(`#field-${c.badField}-message`)).toBe(expected);
        expect(await page.isDisabled("#run")).toBe(true);
        await step("1-refused");
        const status = await page.evaluate(
          async (body) =>
            (
              await fetch("/api/runs", {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify(body),
              })
            ).status,
          { vendor: c.vendor, operation: c.op, input },
        );
        expect(status).toBe(422);
        expect(sim.ledger.entries).toEqual([]);

        // Valid input (an uploaded local file where the vendor uploads), then run.
        await fill(c.good);
        if (c.upload) {
          const file = join(fx.dataDir, "cat.png");
          await writeFile(file, Buffer.from(PNG_1X1, "base64"));
          await page.setInputFiles(`[data-upload='field-${c.upload}']`, [file, file]);
          await page.waitForFunction(
            (id) => (document.getElementById(id) as HTMLTextAreaElement).value.split("cat.png").length === 3,
            `field-${c.upload}`,
          );
          await page.waitForSelector("body[data-checked='true']");
        }
        expect(await page.textContent(`#field-${c.badField}-message`)).toBe("");
        await page.waitForSelector("#run:not([disabled])");
        expect(sim.ledger.entries).toEqual([]);
        await page.click("#run");
        if (c.task) {
          // Live progress: the SDK's onProgress events, as the simulator's clock moves.
          if (c.queued) {
            await panel("running", "queued");
            fx.advance(TASK_MS / 2);
          }
          await panel("running", "running");
          await step("2-progress");
          fx.advance(TASK_MS);
        }
        await panel("succeeded");
        expect(await page.getAttribute("#progress-bar", "data-progress")).toBe("100");

        // The preview element loads the result, served by the studio from its safe download.
        const media = page.locator(`#preview ${c.preview}`).first();
        await media.waitFor();
        const src = (await media.getAttribute("src")) as string;
        expect(src).toMatch(/^\/api\/files\//);
        if (c.preview === "img") {
          await page.waitForFunction(() => {
            const img = document.querySelector<HTMLImageElement>("#preview img");
            return img?.complete && img.naturalWidth > 0;
          });
        }
        const served = await page.evaluate(async (url) => {
          const res = await fetch(url);
          return {
            status: res.status,
            type: res.headers.get("content-type"),
            bytes: (await res.arrayBuffer()).byteLength,
          };
        }, src);
        expect(served.status).toBe(200);
        expect(served.type).toMatch(
          c.preview === "img" ? /^image\// : c.preview === "video" ? /^video\// : /^audio\//,
        );
        expect(served.bytes).toBeGreaterThan(0);
        await step("3-result");

        // Copy as code: exactly what ran, no credential value.
        const gen = await copied("gen");
        expect(gen).toContain(`gen call ${c.vendor} ${c.op}`);
        const ts = await copied("typescript");
        expect(ts).toContain(`.${c.op}(`);
        const curl = await copied("curl");
        if (!c.task) {
          // The copied `gen call` line runs as-is and sends exactly what the studio sent.
          const sent = sim.ledger.entries.filter((e) => e.method === "POST").map((e) => e.body);
          const shell = `${genArgv([])
            .map((a) => `'${a}'`)
            .join(" ")} ${gen.trim().replace(/^gen /, "")}`;
          const r = await runShell(shell, fx.env);
          expect(r.stderr).toBe("");
          expect(r.code).toBe(0);
          const again = sim.ledger.entries.filter((e) => e.method === "POST").map((e) => e.body);
          expect(again).toEqual([...sent, sent[0]]);
        }
        for (const value of Object.values(sim.credentials)) {
          for (const text of [gen, ts, curl]) expect(text).not.toContain(value);
        }
        await step("4-code");
      }, 90_000);
    }

    it("cancels waiting, resumes, and resumes from history after a restart", async () => {
      const sim = fx.sims.mediaio!;
      await page.fill("#search", "imagen");
      await page.click(".op[data-vendor='mediaio'][data-op='t2iImagen4']");
      await fill({ prompt: "a paper boat on a rainy street" });
      await page.click("#run");
      await panel("running", "queued");
      await page.click("#cancel");
      await panel("stopped");
      await page.click("#resume");
      await panel("running", "queued");
      const runId = (await page.getAttribute("#run-panel", "data-run-id")) as string;
      fx.advance(TASK_MS / 2);
      await panel("running", "running");
      await shot(page, "10-before-restart");

      // Restart the server: the history (handles on disk) survives; the run comes back stopped.
      server = await fx.startStudio();
      await open();
      const item = page.locator(`#history li[data-run-id='${runId}']`);
      expect(await item.getAttribute("data-state")).toBe("stopped");
      await item.locator("button").click();
      await page.waitForSelector(`#run-panel[data-run-id='${runId}'][data-state='stopped']`);
      await shot(page, "11-history-after-restart");
      await page.click("#resume");
      await panel("running", "running");
      fx.advance(TASK_MS);
      await panel("succeeded");
      await page.waitForSelector("#preview img");
      await shot(page, "12-resumed-result");
      // Resuming never creates the task again: one create for this prompt.
      const creates = sim.ledger.entries.filter(
        (e) => e.method === "POST" && JSON.stringify(e.body).includes("paper boat"),
      );
      expect(creates).toHaveLength(1);
    }, 90_000);
  },
);
