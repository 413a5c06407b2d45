// Each state change emits its webhook in its own transaction, on SQLite and PostgreSQL, with the
// data its schema defines: a signer who opens, signs (the envelope then seals and completes) or
// declines through the signer's page; a draft sent through the API; an envelope past its expiry;
// a run that settles as failed. An envelope's events arrive in the order they happened.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEnvelope } from '../../runtime/envelopes/create-envelope.ts';
import { scheduleExpiry } from '../../runtime/envelopes/envelope-jobs.ts';
import { planEnvelope } from '../../runtime/envelopes/plan-envelope.ts';
import type { WorkerPool } from '../../runtime/jobs/start-workers.ts';
import { settleRun } from '../../runtime/runs/settle-run.ts';
import { createSubscription } from '../../runtime/webhooks/create-subscription.ts';
import { deleteSubscription } from '../../runtime/webhooks/delete-subscription.ts';
import { checkAgainst, type WebhookEvent, type WebhookEventType } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { exampleEvent } from '../support/examples.ts';
import { insertTestRun } from '../support/queue-services.ts';
import { createSigningFixture, latestCode, signerBrowser } from '../support/signing-fixtures.ts';
import { issueToken, startTestServer } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';
import {
  type Receiver,
  startReceiver,
  type WebhookServices,
  waitForQuietQueue,
  webhookServices,
  webhookWorkers,
} from './webhooks-harness.ts';

vi.setConfig({ testTimeout: 120_000 });

const signatureDataUrl =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const dataDefinition: Record<WebhookEventType, string> = {
  'document.created': 'documentCreatedData',
  'envelope.sent': 'envelopeSentData',
  'signer.viewed': 'signerEventData',
  'signer.signed': 'signerEventData',
  'signer.declined': 'signerEventData',
  'envelope.completed': 'envelopeCompletedData',
  'envelope.declined': 'envelopeDeclinedData',
  'envelope.expired': 'envelopeExpiredData',
  'run.failed': 'runFailedData',
  'deal.move_requested': 'dealMoveRequestedData',
};
const allTypes = Object.keys(dataDefinition) as WebhookEventType[];

describe.each(dialects)('webhooks at state changes on %s', (dialect) => {
  let services: WebhookServices;
  let workers: WorkerPool;
  let server: { url: string; close(): Promise<void> };
  let receiver: Receiver;
  let client: string;

  beforeAll(async () => {
    services = await webhookServices(dialect);
    server = await startTestServer(services);
    // The signer's forms are checked against the instance's own origin.
    services.config.publicUrl = server.url;
    workers = webhookWorkers(services);
    receiver = await startReceiver();
    client = await issueToken(services, 'client');
    const { secret } = await createSubscription(services, { url: receiver.url, eventTypes: allTypes });
    receiver.secrets.push(secret);
  });

  afterAll(async () => {
    await workers?.stop(2_000);
    await server?.close();
    await receiver?.close();
    if (services) {
      for (const row of await services.database.db.selectFrom('webhook_subscriptions').select('id').execute())
        await deleteSubscription(services, row.id);
      await services.dispose();
    }
  });

  beforeEach(async () => {
    await waitForQuietQueue(services);
    receiver.requests.length = 0;
  });

  /** The events the receiver verified, in arrival order, each checked against its data schema. */
  function eventsAbout(id: string): WebhookEvent[] {
    const events = receiver.requests.filter((request) => request.body.includes(id));
    for (const request of events) {
      expect(request.verified).toEqual([true]);
      const event = request.event as WebhookEvent;
      const check = checkAgainst(`webhook-event.schema.json#/definitions/${dataDefinition[event.type]}`, event.data);
      expect(check.ok, `${event.type}: ${JSON.stringify(check.ok ? [] : check.violations)}`).toBe(true);
    }
    return events.map((request) => request.event as WebhookEvent);
  }

  async function confirmed(token: string, signerId: string) {
    const browser = signerBrowser(server.url, token);
    expect((await browser.open()).status).toBe(200);
    expect((await browser.postForm('consent', { consent: 'yes' })).status).toBe(303);
    expect((await browser.postForm('confirm', { code: await latestCode(services, signerId) })).status).toBe(303);
    return browser;
  }

  it('document.created, then envelope.sent, when a made document gets its envelope', async () => {
    const event = exampleEvent('contract');
    const suffix = `${dialect}${Date.now().toString(16)}`.padEnd(32, '0').slice(0, 32);
    const documentId = `doc-created-${suffix}`;
    const envelopeId = `env_${suffix}`;
    const now = services.now();
    const pdf = new TextEncoder().encode('%PDF-1.7\n% webhook test\n');
    await services.database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('documents')
        .values({
          id: documentId,
          run_id: null,
          deal_id: event.deal.id,
          document_type: 'contract',
          template_id: 'contract',
          rule_name: null,
          action_key: `test:${documentId}`,
          status: 'ready',
          docx: new Uint8Array([1]),
          pdf,
          signing: '{}',
          deal: JSON.stringify(event.deal),
          warnings: '[]',
          created_at: now.toISOString(),
        })
        .execute();
      const plan = planEnvelope({
        envelopeId,
        documentId,
        runId: null,
        event,
        settings: {
          documentType: 'contract',
          templateId: 'contract',
          companySigner: { kind: 'responsibleUser' },
          counterparties: { kind: 'allContacts' },
          signingOrder: 'companyFirst',
          linkExpiryDays: 14,
        },
        signers: [{ side: 'counterparty', order: 1, name: 'Ana Souza', email: 'ana@globex.example', contactId: 'P-5' }],
        senderCompany: 'Acme Ltda',
        pdf,
        send: true,
        at: now.toISOString(),
      });
      await createEnvelope(trx, services, plan, 'api', now);
    });
    await waitFor(() => eventsAbout(envelopeId).length === 2, 20_000, 'two events');
    const [created, sent] = eventsAbout(envelopeId);
    expect(created).toMatchObject({
      type: 'document.created',
      data: { documentId, documentType: 'contract', dealId: event.deal.id, envelopeId, title: expect.any(String) },
    });
    expect(sent).toMatchObject({
      type: 'envelope.sent',
      data: { envelope: { envelopeId, documentId, status: 'sent' } },
    });
  });

  it('signer.viewed, signer.signed and envelope.completed with the final PDF’s link, in order', async () => {
    const fixture = await createSigningFixture(services, {
      signers: [{ side: 'counterparty', name: 'Dana Client', email: 'dana@client.example' }],
      marks: [{ kind: 'sign', party: 'client', partyIndex: 1, tag: '{%sign client}' }],
    });
    const signer = fixture.signers[0];
    if (!signer) throw new Error('one signer');
    const browser = await confirmed(signer.token, signer.id);
    const form = new FormData();
    form.set('method', 'drawn');
    form.set('signatureData', signatureDataUrl);
    expect((await browser.postMultipart('submit', form)).status).toBe(303);

    await waitFor(
      () => eventsAbout(fixture.envelopeId).some((event) => event.type === 'envelope.completed'),
      60_000,
      'envelope.completed',
    );
    const events = eventsAbout(fixture.envelopeId);
    expect(events.map((event) => event.type)).toEqual(['signer.viewed', 'signer.signed', 'envelope.completed']);
    expect(events[1]?.data).toMatchObject({ signer: { signerId: signer.id, status: 'signed' } });
    const envelope = await services.database.db
      .selectFrom('envelopes')
      .select(['final_sha256'])
      .where('id', '=', fixture.envelopeId)
      .executeTakeFirstOrThrow();
    const completed = events[2]?.data as { finalPdfUrl: string; finalSha256: string; envelope: { status: string } };
    expect(completed.envelope.status).toBe('completed');
    expect(completed.finalSha256).toBe(envelope.final_sha256);
    const path = `/api/v1/envelopes/${fixture.envelopeId}/final.pdf`;
    expect(completed.finalPdfUrl).toBe(`${services.config.publicUrl}${path}`);
    const pdf = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${client}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
  });

  it('signer.declined then envelope.declined, with the reason', async () => {
    const fixture = await createSigningFixture(services, {
      signers: [{ side: 'counterparty', name: 'Dana Client', email: 'dana@client.example' }],
    });
    const signer = fixture.signers[0];
    if (!signer) throw new Error('one signer');
    const browser = await confirmed(signer.token, signer.id);
    expect((await browser.postForm('decline', { reason: 'Wrong amount' })).status).toBe(200);
    await waitFor(() => eventsAbout(fixture.envelopeId).length === 3, 20_000, 'three events');
    const events = eventsAbout(fixture.envelopeId);
    expect(events.map((event) => event.type)).toEqual(['signer.viewed', 'signer.declined', 'envelope.declined']);
    expect(events[1]?.data).toMatchObject({ reason: 'Wrong amount', signer: { status: 'declined' } });
    expect(events[2]?.data).toMatchObject({
      reason: 'Wrong amount',
      declinedBy: { signerId: signer.id },
      envelope: { status: 'declined' },
    });
  });

  it('envelope.sent when a draft is sent through the API, with its signers', async () => {
    const fixture = await createSigningFixture(services, {
      signers: [
        { side: 'company', name: 'Carla Director', email: 'carla@acme.example', status: 'waiting' },
        { side: 'counterparty', name: 'Dana Client', email: 'dana@client.example', status: 'waiting' },
      ],
    });
    await services.database.db
      .updateTable('envelopes')
      .set({ status: 'draft', sent_at: null, expires_at: null })
      .where('id', '=', fixture.envelopeId)
      .execute();
    const sent = await fetch(`${server.url}/api/v1/envelopes/${fixture.envelopeId}/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client}` },
    });
    expect(sent.status).toBe(200);
    await waitFor(() => eventsAbout(fixture.envelopeId).length === 1, 20_000, 'envelope.sent');
    const [event] = eventsAbout(fixture.envelopeId);
    expect(event?.type).toBe('envelope.sent');
    expect(event?.data).toMatchObject({
      envelope: { envelopeId: fixture.envelopeId, status: 'sent' },
      signers: [
        { name: 'Carla Director', side: 'company', status: 'sent' },
        { name: 'Dana Client', side: 'counterparty', status: 'waiting' },
      ],
    });
    expect(receiver.requests.some((request) => request.body.includes('carla@acme.example'))).toBe(false);
  });

  it('envelope.expired when the expiry job finds the links expired', async () => {
    const past = new Date(Date.now() - 60_000);
    const fixture = await createSigningFixture(services, { expiresAt: past.toISOString() });
    await services.database.db
      .transaction()
      .execute((trx) =>
        scheduleExpiry(trx, { id: fixture.envelopeId, run_id: null, reminder_days: null }, past, services.now()),
      );
    await waitFor(() => eventsAbout(fixture.envelopeId).length === 1, 20_000, 'envelope.expired');
    expect(eventsAbout(fixture.envelopeId)[0]).toMatchObject({
      type: 'envelope.expired',
      data: { envelope: { status: 'expired' }, expiresAt: past.toISOString() },
    });
  });

  it('run.failed once, when a run settles as failed', async () => {
    const runId = `run-fails-${dialect}`;
    await insertTestRun(services.database, runId);
    const error = {
      code: 'TEMPLATE_MISSING',
      message: 'template "nda" is gone',
      attempt: 1,
      at: new Date().toISOString(),
    };
    await services.database.db
      .transaction()
      .execute((trx) => settleRun(trx, services.database.dialect, runId, services.now(), { errors: [error] }));
    // Settling again (another job finishing) is no second failure.
    await services.database.db
      .transaction()
      .execute((trx) => settleRun(trx, services.database.dialect, runId, services.now(), {}));
    await waitFor(() => eventsAbout(runId).length >= 1, 20_000, 'run.failed');
    await waitForQuietQueue(services);
    const events = eventsAbout(runId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'run.failed',
      data: { runId, dealId: 'D-1', errors: [{ code: 'TEMPLATE_MISSING', message: 'template "nda" is gone' }] },
    });
  });
});
