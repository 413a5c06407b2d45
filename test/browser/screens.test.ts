// Every screen of the designer in Chromium against the real runtime: sign in with the printed admin
// token, open each screen from the navigation and save its screenshot (1280x800) for the README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, signIn, startBrowserSession } from './support/browser-session.ts';

describe('designer screens in Chromium', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('serves the designer at / and the API beside it', async () => {
    const page = await fetch(`${session.baseUrl}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root"');
    const health = await fetch(`${session.baseUrl}/api/v1/openapi.json`);
    expect(health.status).toBe(200);
  });

  it('refuses a wrong token on the sign-in form and keeps the token out of the URL', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/`);
    await page.getByLabel('API token').fill('ink_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText(/refused this token/).count()).toBe(1);
    await session.screenshot('sign-in');
    await signIn(session);
    expect(page.url()).not.toContain(session.adminToken);
    expect(await page.evaluate(() => sessionStorage.getItem('inkflow.token'))).toBe(session.adminToken);
  });

  it('previews a template filled with the demo deal as PDF, rendered by the runtime', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Preview contract-standard with a sample deal (PDF)' }).click();
    await expect
      .poll(() => page.getByLabel('contract-standard filled with a sample deal').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await page.getByLabel('contract-standard filled with a sample deal').first().scrollIntoViewIfNeeded();
    await session.screenshot('template-preview');
  });

  // The scenario test saves the screens it walks through; this one the list screens it does not.
  it.each([
    ['Stage board', undefined],
    ['Flow editor', 'flow-list'],
    ['Test on a deal', undefined],
    ['Backtest', undefined],
    ['Publish history', undefined],
    ['Templates', 'templates'],
    ['Runs and documents', undefined],
  ])('opens "%s" from the navigation without an error', async (label, file) => {
    const { page } = session;
    await page.getByRole('link', { name: label }).click();
    await expect.poll(() => page.url()).toContain('#/');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('alert').count()).toBe(0);
    if (file) await session.screenshot(file);
  });
});
