// The CRM loop closed, end to end, with real parts: a fake Bitrix24 portal on loopback (written from
// Bitrix24's documented shapes) moves a deal to Contract and posts ONCRMDEALUPDATE → inkflow fetches
// the deal, its company and contact over REST and makes the contract (real LibreOffice) → the
// responsible user and the client sign on the signer's page in Debian's Chromium (links and codes
// read from the outbox, as a newcomer with no SMTP server would; the client on a 375×667 phone
// viewport) → the final PDF is sealed → a real receiver gets
// envelope.completed and verifies it with the standardwebhooks package → the flow's *document
// completed* rule moves the deal to Invoice with crm.deal.update, once → the portal tells inkflow
// → the invoice rule fires for the new stage → the invoice envelope is sent.
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultPipelines } from '../../runtime/crm/bitrix24/bitrix24-config.ts';
import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import { startWorkers, type WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { saveEmployee } from '../../runtime/settings/save-employee.ts';
import type { Envelope, EnvelopeList, WebhookSubscriptionWithSecret } from '../../schemas/index.ts';
import { type Receiver, startReceiver } from '../runtime/webhooks-harness.ts';
import { type FakeBitrix24, startFakeBitrix24 } from '../support/fake-bitrix24.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';
import { launchChromium } from './support/browser-session.ts';
import { drawSignature, signAndWait, stampPng, throughCode } from './support/signer-steps.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 180_000 });

describe('the CRM loop: Bitrix24 deal → contract signed → deal moved to Invoice → invoice sent', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let workers: WorkerPool;
  let portal: FakeBitrix24;
  let receiver: Receiver;
  let adminToken: string;
  let context: BrowserContext;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

  const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  beforeAll(async () => {
    portal = await startFakeBitrix24();
    receiver = await startReceiver();
    services = await createTestServices({ dialect: 'sqlite', pdf: createRealPdf() });
    server = await startTestServer(services);
    services.config = {
      ...services.config,
      publicUrl: server.url,
      // The receiver is on loopback: allowed the way an operator would (INKFLOW_WEBHOOK_ALLOW_PRIVATE).
      outbound: { allowPrivate: ['127.0.0.1'], allowHttp: [] },
      crm: {
        bitrix24: {
          webhookUrl: portal.webhookUrl,
          applicationToken: portal.applicationToken,
          pipelines: defaultPipelines,
          fields: {},
          timeoutMs: 5_000,
        },
      },
    };
    await seedDemoSales(services);
    // Bitrix24 users are numbers: the deal's responsible user 7 signs for the company.
    await saveEmployee(services, '7', { id: '7', name: 'Sam Rivera', email: 'sam@initech.example', role: 'Sales' });
    adminToken = await issueToken(services, 'admin');
    workers = startWorkers(services, createJobHandlers(services), { concurrency: 2, retryBaseMs: 100 });
    portal.subscribe(`${server.url}/api/v1/crm/bitrix24/events`);
    browser = await launchChromium();
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await workers?.stop(2_000);
    await server?.close();
    await receiver?.close();
    await portal?.close();
    await services?.dispose();
  });

  /** The deal's envelopes through the API, each with its document's type. */
  async function envelopesOf(dealId: string): Promise<(Envelope & { documentType: string })[]> {
    const list = await api<EnvelopeList>(`/envelopes?dealId=${encodeURIComponent(dealId)}`);
    expect(list.status).toBe(200);
    const types = await services.database.db.selectFrom('documents').select(['id', 'document_type']).execute();
    const typeOf = new Map(types.map((row) => [row.id, row.document_type]));
    return list.body.items.map((item) => ({ ...item, documentType: typeOf.get(item.documentId) ?? '' }));
  }

  /** The newest message of a purpose the outbox holds for a signer (as they would read it). */
  async function messageTo(signerId: string, purpose: 'invitation' | 'code'): Promise<string> {
    let text: string | undefined;
    await waitFor(async () => {
      const rows = await services.database.db
        .selectFrom('outbox')
        .select(['text', 'created_at'])
        .where('signer_id', '=', signerId)
        .where('purpose', '=', purpose)
        .orderBy('created_at', 'desc')
        .execute();
      text = rows[0]?.text;
      return text !== undefined;
    }, 60_000);
    return text as string;
  }

  /** In Chromium: the link from the invitation, terms, code, then what this signer is asked for. */
  async function signAs(signer: { id: string; side: 'company' | 'counterparty' }): Promise<void> {
    const page = await context.newPage();
    if (signer.side === 'counterparty') await page.setViewportSize({ width: 375, height: 667 });
    const link = /https?:\/\/[^\s]+\/sign\/[A-Za-z0-9_-]{43}/.exec(await messageTo(signer.id, 'invitation'))?.[0];
    await throughCode(page, link ?? '', () => messageTo(signer.id, 'code'));
    if (signer.side === 'company') {
      await drawSignature(page);
      if ((await page.locator('#stamp').count()) > 0) {
        await page.setInputFiles('#stamp', { name: 'stamp.png', mimeType: 'image/png', buffer: stampPng() });
      }
    } else {
      const passport = page.getByLabel('Passport number');
      if ((await passport.count()) > 0) await passport.fill('FZ123456');
      await page.locator('#typed-name').fill('Ana Souza');
    }
    await signAndWait(page);
    await page.close();
  }

  it('closes the loop', async () => {
    const subscribed = await api<WebhookSubscriptionWithSecret>('/webhooks/subscriptions', {
      method: 'POST',
      body: JSON.stringify({ url: receiver.url, eventTypes: ['envelope.completed', 'envelope.sent'] }),
    });
    expect(subscribed.status).toBe(201);
    receiver.secrets.push(subscribed.body.secret);

    const companyId = portal.addCompany({ TITLE: 'Globex Ltda' });
    const contactId = portal.addContact({
      NAME: 'Ana',
      LAST_NAME: 'Souza',
      EMAIL: [{ VALUE: 'ana@globex.example', VALUE_TYPE: 'WORK' }],
    });
    const dealId = portal.addDeal({
      TITLE: 'Globex rollout',
      STAGE_ID: 'PROPOSAL',
      CATEGORY_ID: '0',
      OPPORTUNITY: '12000.00',
      CURRENCY_ID: 'BRL',
      ASSIGNED_BY_ID: '7',
      COMPANY_ID: companyId,
      contactIds: [contactId],
    });
    const moved = await portal.moveDealAndNotify(dealId, 'CONTRACT', `${server.url}/api/v1/crm/bitrix24/events`);
    expect(moved.status).toBe(200);

    // The contract, made from the deal as Bitrix24's REST API gave it, sent company first.
    let contract: (Envelope & { documentType: string }) | undefined;
    await waitFor(async () => {
      contract = (await envelopesOf(dealId)).find((envelope) => envelope.documentType === 'contract');
      return contract?.status === 'sent';
    }, 120_000);
    const signers = contract?.signers ?? [];
    expect(signers.map((signer) => signer.side)).toEqual(['company', 'counterparty']);
    expect(signers[1]?.name).toContain('Ana');
    for (const signer of signers) await signAs(signer);

    // Sealed, and the receiver verified envelope.completed with standardwebhooks.
    await waitFor(() => receiver.requests.some((request) => request.event?.type === 'envelope.completed'), 120_000);
    const completed = receiver.requests.find((request) => request.event?.type === 'envelope.completed');
    expect(completed?.verified).toEqual([true]);
    expect(completed?.event?.data).toMatchObject({
      envelope: { envelopeId: contract?.id, dealId, status: 'completed' },
      finalPdfUrl: `${server.url}/api/v1/envelopes/${contract?.id}/final.pdf`,
    });
    const finalPdf = await fetch(`${server.url}/api/v1/envelopes/${contract?.id}/final.pdf`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(finalPdf.status).toBe(200);

    // The flow's document-completed rule moved the deal in Bitrix24, once, with the right stage.
    await waitFor(() => portal.deal(dealId)?.STAGE_ID === 'INVOICE', 60_000);
    const updates = portal.calls('crm.deal.update').filter((call) => String(call.params.id) === dealId);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.params).toMatchObject({ fields: { STAGE_ID: 'INVOICE' } });
    await waitFor(() => portal.comments(dealId).length > 0, 30_000);
    expect(portal.comments(dealId).join('\n')).toContain(`/envelopes/${contract?.id}/final.pdf`);

    // The portal told inkflow, and the invoice rule sent the invoice for signing.
    let invoice: (Envelope & { documentType: string }) | undefined;
    await waitFor(async () => {
      invoice = (await envelopesOf(dealId)).find((envelope) => envelope.documentType === 'invoice');
      return invoice?.status === 'sent';
    }, 120_000);
    expect(invoice?.signers.length).toBeGreaterThan(0);
    await waitFor(
      () =>
        receiver.requests.some(
          (request) =>
            request.event?.type === 'envelope.sent' &&
            (request.event.data as { envelope: { envelopeId: string } }).envelope.envelopeId === invoice?.id,
        ),
      60_000,
    );
    // Still one move: the invoice's own stage event moved nothing.
    expect(portal.calls('crm.deal.update').filter((call) => String(call.params.id) === dealId)).toHaveLength(1);
  });
});
