// The signer's page in Debian's Chromium (playwright-core, fresh profile), against the runtime in
// this process over real HTTP: one signer signs by drawing at 1280×800 with the mouse, another by
// typing their name at 375×667 with the keyboard only (Tab, Space, Enter, typing). Every step is
// screenshotted at both sizes (terms, code, document, fields, signature, done, an error page),
// and the phone never scrolls sideways. Screenshots go to .tmp/screenshots/signer; with
// INKFLOW_UPDATE_SCREENSHOTS=1 to runtime/signing/docs/screenshots (the README's copies).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { SignatureMark } from '../../schemas/index.ts';
import { createSigningFixture, latestCode } from '../support/signing-fixtures.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';
import { chromiumFlags } from './support/browser-session.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const screenshots = new URL(
  process.env.INKFLOW_UPDATE_SCREENSHOTS === '1'
    ? '../../runtime/signing/docs/screenshots/'
    : '../../.tmp/screenshots/signer/',
  import.meta.url,
).pathname;

// The first client is party index 1, as plan-envelope numbers them.
const marks: SignatureMark[] = [
  { kind: 'sign', party: 'client', partyIndex: 1, tag: '{%sign client}' },
  { kind: 'field', party: 'client', partyIndex: 1, field: 'passportNumber', tag: '{?client passportNumber}' },
  { kind: 'field', party: 'client', partyIndex: 1, field: 'city', tag: '{?client city}' },
];

const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 667 } } as const;

describe("the signer's page in Chromium", () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    services = await createTestServices({ dialect: 'sqlite' });
    server = await startTestServer(services);
    services.config.publicUrl = server.url;
    profile = mkdtempSync(join(tmpdir(), 'inkflow-signer-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: execFileSync('which', ['chromium']).toString().trim(),
      args: chromiumFlags,
      headless: true,
      viewport: sizes.desktop,
    });
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await context?.close().catch(() => {});
    await server?.close();
    await services?.dispose();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function shot(page: Page, size: keyof typeof sizes, step: string): Promise<void> {
    await page.screenshot({ path: join(screenshots, `signer-${size}-${step}.png`) });
  }

  async function noSidewaysScroll(page: Page): Promise<void> {
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  }

  /** Presses Tab until the element is focused (keyboard only), and says if it never gets focus. */
  async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
    for (let press = 0; press < limit; press += 1) {
      if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  async function signerRow(id: string) {
    return services.database.db
      .selectFrom('envelope_signers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  it('signs by drawing at 1280×800', async () => {
    const made = await createSigningFixture(services, {
      marks,
      signers: [{ side: 'counterparty', name: 'Dana Client', email: 'dana@client.example' }],
    });
    const signer = made.signers[0]!;
    const page = await context.newPage();
    await page.setViewportSize(sizes.desktop);
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) foreign.push(request.url());
    });

    await page.goto(`${server.url}/sign/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await shot(page, 'desktop', 'error');

    await page.goto(`${server.url}/sign/${signer.token}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await shot(page, 'desktop', 'terms');
    await page.getByLabel('I have read this and agree to sign electronically').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('d•••@client.example').waitFor();
    await shot(page, 'desktop', 'code');
    await page.getByLabel('6-digit code').fill(await latestCode(services, signer.id));
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('img', { name: /^Page 1 of \d+$/ }).waitFor();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('img[alt^="Page 1"]');
      return image?.complete && image.naturalWidth > 0;
    });
    await shot(page, 'desktop', 'document');
    await page.getByLabel('Passport number').fill('P1234567');
    await page.getByLabel('City').fill('Lisbon');
    await page.getByLabel('City').scrollIntoViewIfNeeded();
    await shot(page, 'desktop', 'fields');

    await page.getByLabel('Draw', { exact: true }).check();
    const pad = page.locator('#draw-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height * 0.5);
    await page.mouse.down();
    for (let step = 1; step <= 20; step += 1) {
      await page.mouse.move(box.x + 30 + step * 15, box.y + box.height * (0.5 - 0.3 * Math.sin(step / 3)));
    }
    await page.mouse.up();
    await shot(page, 'desktop', 'signature');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed' }).waitFor();
    await page.getByText('You will receive the final PDF by email when everyone has signed.').waitFor();
    await shot(page, 'desktop', 'done');

    const row = await signerRow(signer.id);
    expect(row.status).toBe('signed');
    expect(row.signature_method).toBe('drawn');
    expect(row.signature_png?.length).toBeGreaterThan(500);
    expect(JSON.parse(row.fields)).toEqual({ passportNumber: 'P1234567', city: 'Lisbon' });
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('signs by typed name at 375×667 with the keyboard only, never scrolling sideways', async () => {
    const made = await createSigningFixture(services, {
      marks,
      signers: [{ side: 'counterparty', name: 'Rui Costa', email: 'rui@client.example' }],
    });
    const signer = made.signers[0]!;
    const page = await context.newPage();
    await page.setViewportSize(sizes.phone);

    await page.goto(`${server.url}/sign/${'y'.repeat(43)}`);
    await noSidewaysScroll(page);
    await shot(page, 'phone', 'error');

    await page.goto(`${server.url}/sign/${signer.token}`);
    await noSidewaysScroll(page);
    await shot(page, 'phone', 'terms');
    await tabTo(page, '#consent');
    // Focus is visible: the focused checkbox has an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Space');
    await tabTo(page, 'form button[type="submit"]');
    await page.keyboard.press('Enter');

    await page.getByText('r•••@client.example').waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'phone', 'code');
    await tabTo(page, '#code');
    await page.keyboard.type(await latestCode(services, signer.id));
    await page.keyboard.press('Enter');

    await page.getByRole('img', { name: /^Page 1 of \d+$/ }).waitFor();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('img[alt^="Page 1"]');
      return image?.complete && image.naturalWidth > 0;
    });
    await noSidewaysScroll(page);
    await shot(page, 'phone', 'document');
    await tabTo(page, 'input[name="field.passportNumber"]', 80);
    await page.keyboard.type('PT-445566');
    await tabTo(page, 'input[name="field.city"]');
    await page.keyboard.type('Porto');
    await shot(page, 'phone', 'fields');
    // "Type your name" is the default method: the name is prefilled; retype it by keyboard.
    await tabTo(page, '#typed-name');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Rui M. Costa');
    await noSidewaysScroll(page);
    await shot(page, 'phone', 'signature');
    await tabTo(page, '#sign-form button[type="submit"]');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'Signed' }).waitFor();
    await noSidewaysScroll(page);
    await shot(page, 'phone', 'done');

    const row = await signerRow(signer.id);
    expect(row.status).toBe('signed');
    expect(row.signature_method).toBe('typed');
    expect(JSON.parse(row.fields)).toEqual({ passportNumber: 'PT-445566', city: 'Porto' });
    await page.close();
  });
});
