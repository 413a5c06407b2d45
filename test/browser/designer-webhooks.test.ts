// The webhooks screen in Chromium against the real runtime: an admin subscribes a receiver (a
// real one on loopback, allowed as an operator would with INKFLOW_WEBHOOK_ALLOW_PRIVATE), copies
// the secret shown once, a deal event makes the contract, and the receiver verifies the deliveries
// with the standardwebhooks package and that secret; the screen's log shows them delivered; a
// refused URL says why; turning off, a new secret and delete work from the screen.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Receiver, startReceiver } from '../runtime/webhooks-harness.ts';
import { exampleEvent } from '../support/examples.ts';
import { waitFor } from '../support/wait-for.ts';
import { type BrowserSession, signIn, startBrowserSession } from './support/browser-session.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('the webhooks screen', () => {
  let session: BrowserSession;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await startReceiver();
    session = await startBrowserSession({ INKFLOW_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' });
    await signIn(session);
  });
  afterAll(async () => {
    await session?.close();
    await receiver?.close();
  });

  it('subscribes a receiver, shows the secret once, and logs the verified deliveries', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 2 }).waitFor();

    // A private address the operator did not allow is refused, with the reason.
    await page.getByLabel('Receiver URL').fill('http://169.254.169.254/latest');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/169\.254\.169\.254/);

    await page.getByLabel('Receiver URL').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'envelope.sent' }).check();
    await page.getByRole('checkbox', { name: 'document.created' }).check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.push(secret);
    await page.getByRole('button', { name: 'I have saved it' }).click();
    await expect.poll(() => page.getByLabel('Signing secret').count()).toBe(0);

    const event = { ...exampleEvent('contract'), eventId: 'webhooks-screen-contract' };
    expect((await session.api('POST', '/api/v1/events', event)).status).toBe(202);
    await waitFor(() => receiver.requests.some((request) => request.event?.type === 'envelope.sent'), 60_000);
    const sent = receiver.requests.filter((request) =>
      ['document.created', 'envelope.sent'].includes(request.event?.type ?? ''),
    );
    expect(sent.map((request) => request.event?.type)).toEqual(['document.created', 'envelope.sent']);
    expect(sent.every((request) => request.verified[0] === true)).toBe(true);

    await page.reload();
    const log = page.getByRole('table', { name: `Deliveries to ${receiver.url}` });
    await expect.poll(() => log.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
    expect(await log.textContent()).toMatch(/envelope\.sent #1delivered · 200/);
    await session.screenshot('webhooks');

    // Off, a new secret (shown once again), then delete.
    await page.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Turn on' }).count()).toBe(1);
    await page.getByRole('button', { name: 'New secret' }).click();
    const rotated = await page.getByLabel('Signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Subscriptions (0)' }).count()).toBe(1);
  });
});
