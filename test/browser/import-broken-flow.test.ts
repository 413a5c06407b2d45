// Issue 8: importing a broken flow file shows the engine's errors (codes and messages as the CLI
// prints them) before anything is saved; nothing changes on the runtime, in the flow list and in
// the editor. In Chromium against the real runtime, with the fixture test/fixtures/flows/error-cycle.json.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDetail, FlowSummary } from '../../schemas/index.ts';
import { type BrowserSession, signIn, startBrowserSession } from './support/browser-session.ts';

const brokenFile = new URL('../fixtures/flows/error-cycle.json', import.meta.url).pathname;
const expectations = JSON.parse(
  readFileSync(new URL('../fixtures/flows/expectations.json', import.meta.url), 'utf8'),
) as Record<string, { code: string; severity: string }[]>;

async function importFile(page: Page): Promise<void> {
  await page.getByLabel('Import JSON…').first().setInputFiles(brokenFile);
  await page.getByRole('region', { name: 'Import of error-cycle.json' }).waitFor();
}

describe('importing a broken flow file in Chromium', () => {
  let session: BrowserSession;
  let before: { flows: FlowSummary[]; draft: FlowDetail['draft'] };

  beforeAll(async () => {
    session = await startBrowserSession();
    await signIn(session);
    const flows = await session.api<FlowSummary[]>('GET', '/api/v1/flows');
    const detail = await session.api<FlowDetail>('GET', '/api/v1/flows/sales-documents');
    before = { flows: flows.body, draft: detail.body.draft };
  });
  afterAll(async () => {
    await session?.close();
  });

  const unchanged = async () => {
    const flows = await session.api<FlowSummary[]>('GET', '/api/v1/flows');
    const detail = await session.api<FlowDetail>('GET', '/api/v1/flows/sales-documents');
    expect(flows.body).toEqual(before.flows);
    expect(detail.body.draft).toEqual(before.draft);
  };

  it('shows the errors of a new flow file and creates nothing', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Flow editor' }).click();
    await importFile(page);
    const result = page.getByRole('region', { name: 'Import of error-cycle.json' });
    await expect
      .poll(() => result.getByText(/Not imported: 1 errors\. Nothing was saved or changed\./).count())
      .toBe(1);
    const findings = result.getByRole('list', { name: 'Findings' });
    for (const expected of expectations['error-cycle.json'] ?? []) {
      await expect.poll(() => findings.getByText(expected.code).count()).toBe(1);
    }
    expect(await result.getByRole('button', { name: 'Create this flow' }).count()).toBe(0);
    await session.screenshot('import-broken-flow');
    await unchanged();
  });

  it('shows the errors over an open flow and leaves its canvas and draft as they were', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/#/editor/sales-documents`);
    await page.getByRole('toolbar', { name: 'Editor tools' }).waitFor();
    await importFile(page);
    const result = page.getByRole('region', { name: 'Import of error-cycle.json' });
    await expect.poll(() => result.getByText('FLOW_CYCLE').count()).toBe(1);
    expect(await result.getByRole('button', { name: 'Replace the canvas with this flow' }).count()).toBe(0);
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    await unchanged();
  });
});
