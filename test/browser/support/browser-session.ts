// The real runtime as a child process on loopback (fresh data dir, the built designer, the warm
// LibreOffice pool) and Debian's Chromium driven by playwright-core with a fresh profile, at
// 1280x800. The admin token is the one the start command prints, as a new user would copy it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { killProcessGroup, type RuntimeProcess, startRuntimeProcess } from '../../support/runtime-process.ts';
import { ensureDesignerBuild } from './designer-build.ts';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Screenshots go to .tmp/screenshots so that a test run leaves the checkout clean;
// INKFLOW_UPDATE_SCREENSHOTS=1 writes the README's copies in designer/docs/screenshots instead.
const screenshots = new URL(
  process.env.INKFLOW_UPDATE_SCREENSHOTS === '1' ? '../../../designer/docs/screenshots/' : '../../../.tmp/screenshots/',
  import.meta.url,
).pathname;

export interface BrowserSession {
  runtime: RuntimeProcess;
  baseUrl: string;
  adminToken: string;
  context: BrowserContext;
  page: Page;
  /** A JSON call to the runtime's API with the admin token (or another). */
  api<T = unknown>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** Saves <name>.png of the page as it is (see `screenshots` above for where). */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The token main.ts prints once started: "listening" is logged a moment before it. */
async function printedToken(output: readonly string[], timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    for (const line of output) {
      const match = /inkflow admin token \(shown once, keep it\): (\S+)/.exec(line);
      if (match?.[1]) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the runtime printed no admin token:\n${output.slice(-20).join('\n')}`);
}

export async function startBrowserSession(env: Record<string, string> = {}): Promise<BrowserSession> {
  ensureDesignerBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'inkflow-browser-data-'));
  const profile = mkdtempSync(join(tmpdir(), 'inkflow-browser-profile-'));
  const runtime = await startRuntimeProcess({
    INKFLOW_DATA_DIR: dataDir,
    INKFLOW_WORKERS: '1',
    INKFLOW_PDF_INSTANCES: '1',
    LOG_LEVEL: 'info',
    ...env,
  });
  const baseUrl = `http://127.0.0.1:${runtime.port}`;
  const adminToken = await printedToken(runtime.output).catch((error: unknown) => {
    killProcessGroup(runtime.pid);
    throw error;
  });
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: chromiumFlags,
      headless: true,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
  } catch (error) {
    killProcessGroup(runtime.pid);
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // A missing control fails the step in 15 s instead of Playwright's 30 s (the test timeout is 60 s).
  page.setDefaultTimeout(15_000);
  return {
    runtime,
    baseUrl,
    adminToken,
    context,
    page,
    async api<T>(method: string, path: string, body?: unknown, token = adminToken) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async screenshot(name) {
      mkdirSync(screenshots, { recursive: true });
      const path = join(screenshots, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await context?.close().catch(() => {});
      killProcessGroup(runtime.pid);
      await runtime.exited;
      rmSync(profile, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in form with the printed token. */
export async function signIn(session: BrowserSession): Promise<void> {
  const { page } = session;
  await page.goto(`${session.baseUrl}/`);
  await page.getByLabel('API token').fill(session.adminToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Stage board' }).waitFor();
}

/** Debian's Chromium on a fresh profile at 1280×800, for tests that run the runtime in-process. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'inkflow-chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: chromiumFlags,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
