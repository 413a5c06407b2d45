// Documents made by hand (Bitrix24's "use this template anyway") over real HTTP and LibreOffice:
// with a named template, and without one, reusing the template and signer settings of the last
// document of that type while the counterparties come from this deal's contacts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Deal, DealEvent, DocumentInfo, Run } from '../../schemas/index.ts';
import { eventPathClient, pdfText } from '../support/event-path-client.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { exampleEvent } from '../support/examples.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { demoDirector, seedDemoSales } from '../support/seed-event-path.ts';

// LibreOffice starts in 6-18 s on a loaded 2-core machine, and these tests share it with others.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

interface ErrorReply {
  error: { code: string; message: string };
}

const otherDeal: Deal = {
  id: 'D-2000',
  title: 'Warehouse rollout',
  stageId: 'proposal',
  amount: 81_000,
  currency: 'EUR',
  locale: 'en-IE',
  responsibleUserId: 'u-9',
  company: { id: 'C-90', name: 'Umbrella SA', taxId: '11.222.333/0001-44', address: 'Rua Augusta 5' },
  contacts: [
    { id: 'P-20', name: 'Zoe Prado', email: 'zoe@umbrella.example', role: 'signer' },
    { id: 'P-21', name: 'Yuri Costa', email: 'yuri@umbrella.example', role: 'finance' },
  ],
};

describe('documents made by hand (SQLite, real LibreOffice)', () => {
  const pdf = createRealPdf();
  let harness: EventPathHarness;
  let client: ReturnType<typeof eventPathClient>;

  async function documentCount(): Promise<number> {
    const row = await harness.services.database.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect: 'sqlite', pdf });
    await seedDemoSales(harness.services);
    harness.startWorkers({ concurrency: 2 });
    client = eventPathClient(harness);
  });
  afterAll(async () => {
    await harness?.close();
    await pdf.close();
  });

  it('refuses to reuse settings when no document of the type was made yet (409 NO_PREVIOUS_DOCUMENT)', async () => {
    const reply = await client.postJson<ErrorReply>('/deals/D-2000/documents', {
      documentType: 'contract',
      deal: otherDeal,
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('NO_PREVIOUS_DOCUMENT');
    expect(await documentCount()).toBe(0);
  });

  it('makes a document with a named template for a deal given in the body (201)', async () => {
    const reply = await client.postJson<DocumentInfo>(
      '/deals/D-2000/documents',
      { documentType: 'contract', templateId: 'contract-standard', deal: otherDeal },
      { 'idempotency-key': 'manual-one' },
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      runId: null,
      ruleName: null,
      dealId: 'D-2000',
      documentType: 'contract',
      templateId: 'contract-standard',
      status: 'ready',
    });
    expect(reply.headers.get('location')).toBe(`/api/v1/documents/${reply.body.id}`);
    // Without earlier settings: the responsible user signs first, then every contact.
    expect(reply.body.signing).toMatchObject({
      companySigner: { kind: 'responsibleUser' },
      counterparties: { kind: 'allContacts' },
      signingOrder: 'companyFirst',
    });
    expect(reply.body.signing.signers.map((signer) => signer.contactId ?? signer.userId)).toEqual([
      'u-9',
      'P-20',
      'P-21',
    ]);
    const text = await pdfText((await client.getBytes(`/documents/${reply.body.id}/pdf`)).bytes);
    expect(text).toContain('Warehouse rollout');
    expect(text).toContain('Umbrella SA');
    expect(text).toContain('€81,000.00');
  });

  it('returns the same document for a repeated Idempotency-Key (200), making nothing new', async () => {
    const before = await documentCount();
    const first = await client.getJson<DocumentInfo[]>('/deals/D-2000/documents');
    const again = await client.postJson<DocumentInfo>(
      '/deals/D-2000/documents',
      { documentType: 'contract', templateId: 'contract-standard', deal: otherDeal },
      { 'idempotency-key': 'manual-one' },
    );
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body[0]?.id);
    expect(await documentCount()).toBe(before);
  });

  it('reuses the last contract settings for another deal, with counterparties from that deal', async () => {
    // A rule makes the large-deal contract: director signs, contacts with role "signer" sign.
    const accepted = await client.postEvent(exampleEvent('contract'));
    const run: Run = await client.settledRun(accepted.body.runId);
    expect(run.documents[0]?.templateId).toBe('contract-large');
    // D-2000 is known from an event at a stage without rules; its data comes from that event.
    const seen: DealEvent = { ...exampleEvent('contract'), eventId: 'manual-deal-seen', deal: otherDeal };
    await client.settledRun((await client.postEvent(seen)).body.runId);

    const reply = await client.postJson<DocumentInfo>('/deals/D-2000/documents', { documentType: 'contract' });
    expect(reply.status).toBe(201);
    expect(reply.body.templateId).toBe('contract-large');
    expect(reply.body.signing).toEqual({
      companySigner: { kind: 'employee', employeeId: 'director' },
      counterparties: { kind: 'role', role: 'signer' },
      signingOrder: 'companyFirst',
      linkExpiryDays: 14,
      signers: [
        { side: 'company', order: 1, employeeId: 'director', name: demoDirector.name, email: demoDirector.email },
        { side: 'counterparty', order: 2, contactId: 'P-20', name: 'Zoe Prado', email: 'zoe@umbrella.example' },
      ],
    });
    const text = await pdfText((await client.getBytes(`/documents/${reply.body.id}/pdf`)).bytes);
    expect(text).toContain('Warehouse rollout');
    expect(text).toContain('Zoe Prado');
    expect(text).not.toContain('Ana Souza');
  });

  it('lets explicit fields override the reused settings', async () => {
    const reply = await client.postJson<DocumentInfo>('/deals/D-2000/documents', {
      documentType: 'contract',
      counterparties: { kind: 'allContacts' },
      signingOrder: 'parallel',
      linkExpiryDays: 3,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.templateId).toBe('contract-large');
    expect(reply.body.signing).toMatchObject({
      companySigner: { kind: 'employee', employeeId: 'director' },
      counterparties: { kind: 'allContacts' },
      signingOrder: 'parallel',
      linkExpiryDays: 3,
    });
    expect(reply.body.signing.signers.map((signer) => [signer.side, signer.order])).toEqual([
      ['company', 1],
      ['counterparty', 1],
      ['counterparty', 1],
    ]);
  });

  it('answers what it cannot do with a 4xx and makes nothing', async () => {
    const before = await documentCount();
    const unknownDeal = await client.postJson<ErrorReply>('/deals/D-none/documents', { documentType: 'contract' });
    expect(unknownDeal.status).toBe(404);
    expect(unknownDeal.body.error.code).toBe('DEAL_UNKNOWN');
    const mismatch = await client.postJson<ErrorReply>('/deals/D-other/documents', {
      documentType: 'contract',
      deal: otherDeal,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('DEAL_ID_MISMATCH');
    const invalid = await client.postJson<ErrorReply>('/deals/D-2000/documents', {
      documentType: 'contract',
      linkExpiryDays: 0,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('BODY_INVALID');
    const missingTemplate = await client.postJson<ErrorReply>('/deals/D-2000/documents', {
      documentType: 'contract',
      templateId: 'no-such-template',
    });
    expect(missingTemplate.status).toBe(404);
    expect(missingTemplate.body.error.code).toBe('TEMPLATE_MISSING');
    const analyst = await eventPathClient(harness, 'analyst').postJson<ErrorReply>('/deals/D-2000/documents', {
      documentType: 'contract',
    });
    expect(analyst.status).toBe(403);
    expect(await documentCount()).toBe(before);
  });
});
