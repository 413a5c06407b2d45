// Issue 8 "How we will know", in Debian's Chromium against the real runtime on loopback, as a new
// user: sign in with the printed token, the demo pipeline's stage board, the editor (drag a trigger,
// a condition and a send-document node from the palette, connect them, fill their forms, see
// "template missing" until a template is chosen, undo and redo a deletion), test on a sample deal,
// backtest, publish, then a deal event through the API and its run and PDF in the runs view.
// The cases run in order: each continues where the previous one left the page.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventAccepted, FlowDetail, Run } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { type BrowserSession, signIn, startBrowserSession } from './support/browser-session.ts';

const flowId = 'sales-documents';

const node = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('application', { name: 'Flow canvas' }).getByRole('group', { name });

async function dragFromPalette(page: Page, title: string, at: { x: number; y: number }): Promise<void> {
  const canvas = page.getByRole('application', { name: 'Flow canvas' });
  await page
    .getByRole('complementary', { name: 'Palette' })
    .getByRole('button', { name: title, exact: true })
    .dragTo(canvas, {
      targetPosition: at,
    });
}

/** Connects two nodes through the node's menu (Enter on the focused node). */
async function connect(page: Page, from: Locator, branch: 'Output' | 'True branch' | 'False branch', to: RegExp) {
  await from.click();
  await from.press('Enter');
  const menu = page.getByRole('menu');
  await menu.getByRole('menuitem', { name: 'Connect to…' }).click();
  await menu.getByRole('group', { name: branch }).getByRole('menuitem', { name: to }).click();
}

const problems = (page: Page) => page.getByRole('list', { name: 'Problems' });

describe('designer scenario in Chromium', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('signs in and shows the demo pipeline as a stage board', async () => {
    await signIn(session);
    await page.getByRole('link', { name: 'Stage board' }).click();
    const contract = page.getByRole('region', { name: '4. Contract' });
    await expect.poll(() => contract.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => contract.getByText('Contract (large deal)').count()).toBe(1);
    await session.screenshot('stage-board');
  });

  it('opens a rule in the editor', async () => {
    await page
      .getByRole('region', { name: '5. Invoice' })
      .getByRole('button', { name: /open in the editor/ })
      .click();
    await expect.poll(() => page.url()).toContain(`#/editor/${flowId}`);
    await expect.poll(() => node(page, 'Deal enters stage: Invoice').count()).toBe(1);
  });

  it('drags a trigger, a condition and a send-document node from the palette and connects them', async () => {
    await dragFromPalette(page, 'Deal enters stage', { x: 140, y: 300 });
    await expect.poll(() => node(page, 'Deal enters stage: Lead').count()).toBe(1);
    await dragFromPalette(page, 'Condition', { x: 380, y: 300 });
    await expect.poll(() => node(page, 'Condition: amount > 0').count()).toBe(1);
    await dragFromPalette(page, 'Send document for signing', { x: 580, y: 300 });
    const send = node(page, /^Send document for signing: contract, no template/);
    await expect.poll(() => send.count()).toBe(1);
    await connect(page, node(page, 'Deal enters stage: Lead'), 'Output', /^Condition: amount > 0/);
    await connect(page, node(page, 'Condition: amount > 0'), 'True branch', /no template/);
    await expect.poll(() => page.getByRole('group', { name: /^Edge from .* to / }).count()).toBe(8);
    // elkjs lays the canvas out left to right and fits it in the view.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
  });

  it('fills stage, fact, operator and value from the forms', async () => {
    await node(page, 'Deal enters stage: Lead').click();
    await page.getByLabel('When a deal enters the stage').selectOption('won');
    await expect.poll(() => node(page, 'Deal enters stage: Won').count()).toBe(1);
    await node(page, 'Condition: amount > 0').click();
    await page.getByLabel('Deal fact').selectOption('amount');
    await page.getByLabel('Operator').selectOption('greaterThanInclusive');
    await page.getByLabel('Value').fill('1000');
    await expect.poll(() => node(page, /^Condition: amount ≥ 1000/).count()).toBe(1);
  });

  it('shows "template missing" on the node until a template is chosen, then picks type, template and signer', async () => {
    const send = node(page, /^Send document for signing: contract, no template/);
    await expect.poll(() => problems(page).getByText('ACTION_TEMPLATE_MISSING').count()).toBe(1);
    await expect.poll(() => send.getByText('ACTION_TEMPLATE_MISSING').count()).toBe(1);
    await session.screenshot('editor-template-missing');
    await send.click();
    await page.getByLabel('Document type', { exact: true }).fill('invoice');
    await page.getByLabel('Template', { exact: true }).selectOption('invoice');
    await page.getByLabel('Signs for our company').selectOption('employee:director');
    await expect
      .poll(() => node(page, /^Send document for signing: invoice, invoice, employee director/).count())
      .toBe(1);
    await expect.poll(() => problems(page).getByRole('listitem').count()).toBe(0);
    const sent = node(page, /^Send document for signing: invoice, invoice, employee director/);
    expect(await sent.getByText('ACTION_TEMPLATE_MISSING').count()).toBe(0);
    await session.screenshot('flow-editor');
  });

  it('undoes and redoes a deletion', async () => {
    const condition = node(page, /^Condition: amount ≥ 1000/);
    await condition.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => condition.count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => condition.count()).toBe(1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => condition.count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => condition.count()).toBe(1);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect
      .poll(async () => {
        const saved = await session.api<FlowDetail>('GET', `/api/v1/flows/${flowId}`);
        return saved.body.draft.nodes.length;
      })
      .toBe(13);
  });

  it('tests the draft on a sample deal: the path is highlighted and the fact values shown', async () => {
    await page.getByRole('link', { name: 'Test on a deal' }).click();
    const trigger = page.getByLabel('Trigger');
    const won = await trigger
      .locator('option', { hasText: /Deal enters stage won/i })
      .first()
      .textContent();
    await trigger.selectOption({ label: won ?? '' });
    await page.getByRole('textbox', { name: 'Amount', exact: true }).fill('2500');
    await page.getByRole('button', { name: 'Run the draft on this deal' }).click();
    await expect.poll(() => page.getByText(/value 2500 → ✓ true/).count()).toBeGreaterThan(0);
    const path = page.getByRole('region', { name: 'Path taken by the sample deal' });
    const reached = (name: string, mark: string) =>
      path.getByRole('group', { name }).getByText(mark, { exact: true }).count();
    await expect.poll(() => reached('Deal enters stage: Won', 'reached')).toBe(1);
    await expect.poll(() => reached('Deal enters stage: Contract', 'not reached')).toBe(1);
    await expect.poll(() => page.getByText(/Send “invoice” with template invoice/).count()).toBe(1);
    // The document that would be made, rendered by the runtime as PDF and not sent.
    await page.getByRole('button', { name: 'Preview the invoice (PDF, not sent)' }).click();
    await expect.poll(() => page.getByLabel('Preview with template invoice').count(), { timeout: 30_000 }).toBe(1);
    await session.screenshot('test-on-a-deal');
  });

  it('backtests the draft against stored events', async () => {
    for (const [at, amount] of [500, 5000].entries()) {
      const event = exampleEvent('contract');
      event.eventId = `scenario-won-${at}`;
      event.deal = { ...event.deal, id: `D-won-${at}`, stageId: 'won', amount };
      expect((await session.api('POST', '/api/v1/events', event)).status).toBe(202);
    }
    await page.getByRole('link', { name: 'Backtest' }).click();
    await page.getByRole('button', { name: 'Run the backtest' }).click();
    await expect.poll(() => page.getByText(/events compared with version 1: 1 would change/).count()).toBe(1);
    await session.screenshot('backtest');
  });

  it('publishes the draft with a message', async () => {
    await page.getByRole('link', { name: 'Flow editor' }).click();
    await page.getByRole('link', { name: 'Sales documents' }).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByLabel('Message (what changed and why)').fill('Invoice when a deal is won above 1,000');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(() => page.getByText('Published version 2.').count()).toBe(1);
    await page.getByRole('link', { name: 'Publish history' }).click();
    await session.screenshot('publish-history');
  });

  it('shows the run of a new deal event and its document as PDF in the runs view', async () => {
    const event = exampleEvent('contract');
    event.eventId = 'scenario-won-published';
    event.deal = { ...event.deal, id: 'D-won-live', stageId: 'won', amount: 4000 };
    const accepted = await session.api<EventAccepted>('POST', '/api/v1/events', event);
    expect(accepted.status).toBe(202);
    await page.getByRole('link', { name: 'Runs and documents' }).click();
    await page.getByRole('textbox', { name: 'Deal', exact: true }).fill('D-won-live');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect
      .poll(async () => (await session.api<Run>('GET', `/api/v1/runs/${accepted.body.runId}`)).body.status, {
        timeout: 90_000,
      })
      .toBe('completed');
    const open = page.getByRole('button', { name: /^Open the run of deal D-won-live/ });
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
    await open.click();
    await expect
      .poll(() => page.getByText(/invoice · template invoice/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // The document's envelope: sent, its signers in order with their status.
    await expect.poll(() => page.getByText(/^Envelope: sent/).count(), { timeout: 15_000 }).toBe(1);
    const signers = page.getByRole('list', { name: 'Signers and their status' });
    await expect.poll(() => signers.getByText('link sent').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Open the invoice PDF' }).click();
    const download = page.getByRole('link', { name: /^Download invoice-.*\.pdf$/ });
    await expect.poll(() => download.count(), { timeout: 30_000 }).toBe(1);
    // The PDF is shown inline (an <object> over the blob) beside its download link.
    const run = (await session.api<Run>('GET', `/api/v1/runs/${accepted.body.runId}`)).body;
    const [made] = run.documents;
    expect(made?.documentType).toBe('invoice');
    await expect.poll(() => page.getByLabel(`Document ${made?.id}`).count()).toBe(1);
    const file = await fetch(`${session.baseUrl}${made?.links.pdf}`, {
      headers: { authorization: `Bearer ${session.adminToken}` },
    });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await file.arrayBuffer())
      .subarray(0, 5)
      .toString('latin1');
    expect(pdf).toBe('%PDF-');
    await page.getByRole('button', { name: 'Open the invoice PDF' }).scrollIntoViewIfNeeded();
    await session.screenshot('runs');
  });
});
