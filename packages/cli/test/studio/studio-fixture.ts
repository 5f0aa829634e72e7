import { existsSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Simulator } from "@gen/simulator";
import { startSimulator } from "@gen/simulator";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { envLines } from "../../src/commands/mock.js";
import { type StudioServer, startStudioServer } from "../../src/commands/studio.js";
import { discoverVendors } from "../../src/discover-vendors.js";
import { simulatorSource } from "../../src/simulator-source.js";
import { captureIo } from "../helpers/capture-io.js";
import { ROOT } from "../helpers/run-gen.js";

export const CHROMIUM = "/usr/bin/chromium";
/** True when Debian's chromium is installed; the browser tests skip with one line otherwise. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Where each step's screenshot goes (git-ignored). */
export const SCREENSHOTS = join(ROOT, ".tmp", "studio-screenshots");
/** How long a simulated task takes on the simulators' manual clock. */
export const TASK_MS = 10_000;

/** The simulators of every vendor on one manual clock, and a studio bound to them. */
export interface StudioFixture {
  sims: Record<string, Simulator>;
  env: Record<string, string>;
  dataDir: string;
  /** Moves every simulator's clock forward (tasks progress only when the test says so). */
  advance(ms: number): void;
  /** Starts (or restarts) the studio on the same simulators and data folder. */
  startStudio(): Promise<StudioServer>;
  close(): Promise<void>;
}

export async function studioFixture(): Promise<StudioFixture> {
  let now = Date.now();
  const sims: Record<string, Simulator> = {};
  const env: Record<string, string> = {};
  for (const [index, entry] of (await discoverVendors(ROOT)).entries()) {
    const sim = await startSimulator({
      ...(await simulatorSource(entry)),
      seed: index + 1,
      taskDurationMs: TASK_MS,
      clock: () => now,
    });
    sims[entry.id] = sim;
    Object.assign(env, await envLines(entry, sim));
  }
  const dataDir = await mkdtemp(join(tmpdir(), "gen-studio-"));
  let studio: StudioServer | undefined;
  return {
    sims,
    env,
    dataDir,
    advance: (ms) => {
      now += ms;
    },
    async startStudio() {
      await studio?.close();
      const io = { ...captureIo(), env: { PATH: process.env.PATH, ...env } };
      studio = await startStudioServer(io, { dataDir, pollMs: 20 });
      return studio;
    },
    async close() {
      await studio?.close();
      await Promise.all(Object.values(sims).map((s) => s.close()));
    },
  };
}

/** Headless Debian chromium through playwright-core (which never downloads a browser). */
export async function launchChromium(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  await mkdir(SCREENSHOTS, { recursive: true });
  return { browser, context, page };
}

/** Saves a full-page screenshot of a step as `.tmp/studio-screenshots/<name>.png`. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
