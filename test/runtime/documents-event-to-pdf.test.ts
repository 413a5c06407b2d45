// The whole path over real HTTP, a real store (SQLite and PostgreSQL) and real LibreOffice: the
// demo flow published, the demo contract event posted, the run completed, and the PDF's text
// holding the deal's values. Redelivered and concurrent duplicate events make one document.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DealEvent, DocumentInfo, PlannedSendDocument, Run } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { eventPathClient, pdfText } from '../support/event-path-client.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { exampleEvent } from '../support/examples.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { demoDirector, seedDemoSales } from '../support/seed-event-path.ts';

// LibreOffice starts in 6-18 s on a loaded 2-core machine, and these tests share it with others.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

async function countDocuments(harness: EventPathHarness, column: 'run_id' | 'deal_id', value: string) {
  const row = await harness.services.database.db
    .selectFrom('documents')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where(column, '=', value)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(dialects)('deal event to PDF on %s', (dialect) => {
  let harness: EventPathHarness;
  let client: ReturnType<typeof eventPathClient>;
  const contract = exampleEvent('contract');
  let firstRun: Run;

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect, pdf: createRealPdf() });
    await seedDemoSales(harness.services);
    harness.startWorkers({ concurrency: 2 });
    client = eventPathClient(harness);
  });
  afterAll(async () => {
    await harness?.close();
    await harness?.services.pdf.close();
  });

  it('completes the demo contract event with one document whose PDF shows the deal', async () => {
    const accepted = await client.postEvent(contract);
    expect(accepted.status).toBe(202);
    firstRun = await client.settledRun(accepted.body.runId);
    expect(firstRun).toMatchObject({ status: 'completed', eventId: contract.eventId, dealId: 'D-1042', errors: [] });
    const action = firstRun.plan?.actions[0] as PlannedSendDocument;
    expect(firstRun.plan?.actions).toHaveLength(1);
    expect(action).toMatchObject({ kind: 'sendDocument', documentType: 'contract', templateId: 'contract-large' });
    expect(firstRun.plan?.trace?.map((rule) => rule.fired)).toContain(true);
    expect(firstRun.warnings).toEqual([]);

    expect(firstRun.documents).toHaveLength(1);
    const document = firstRun.documents[0] as DocumentInfo;
    expect(document).toMatchObject({
      runId: firstRun.id,
      dealId: 'D-1042',
      ruleName: action.ruleName,
      status: 'ready',
    });

    const pdf = await client.getBytes(document.links.pdf.replace('/api/v1', ''));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="contract-D-1042.pdf"; filename*=UTF-8''contract-D-1042.pdf`,
    );
    const text = await pdfText(pdf.bytes);
    expect(text).toContain('Annual support 2027');
    expect(text).toContain('Globex Ltda');
    expect(text).toContain('€62,500.00');
    expect(text).toContain(demoDirector.name);

    const docx = await client.getBytes(`/documents/${document.id}/docx`);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toBe(
      `attachment; filename="contract-D-1042.docx"; filename*=UTF-8''contract-D-1042.docx`,
    );
    expect(Buffer.from(docx.bytes.subarray(0, 2)).toString()).toBe('PK');
  });

  it('stores the signing setup with the document: the rule settings and the resolved signers', async () => {
    const document = firstRun.documents[0] as DocumentInfo;
    const info = await client.getJson<DocumentInfo>(`/documents/${document.id}`);
    expect(info.status).toBe(200);
    expect(info.body.signing).toEqual({
      companySigner: { kind: 'employee', employeeId: 'director' },
      counterparties: { kind: 'role', role: 'signer' },
      signingOrder: 'companyFirst',
      linkExpiryDays: 14,
      signers: [
        { side: 'company', order: 1, employeeId: 'director', name: demoDirector.name, email: demoDirector.email },
        {
          side: 'counterparty',
          order: 2,
          contactId: 'P-5',
          name: 'Ana Souza',
          email: 'ana@globex.example',
          phone: '+5511999990000',
        },
      ],
    });
    const listed = await client.getJson<DocumentInfo[]>('/deals/D-1042/documents');
    expect(listed.body.map((each) => each.id)).toEqual([document.id]);
    const byEvent = await client.getJson<Run[]>(`/runs?eventId=${contract.eventId}`);
    expect(byEvent.body.map((run) => run.id)).toEqual([firstRun.id]);
    const byDeal = await client.getJson<Run[]>('/runs?dealId=D-1042');
    expect(byDeal.body[0]?.documents.map((each) => each.id)).toEqual([document.id]);
  });

  it('answers a redelivered event with the same run and makes no second document', async () => {
    const again = await client.postEvent(contract);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ runId: firstRun.id, duplicate: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await countDocuments(harness, 'deal_id', 'D-1042')).toBe(1);
  });

  it('makes one run and one document from 20 identical events posted at once', async () => {
    const event: DealEvent = {
      ...exampleEvent('small-contract'),
      eventId: `concurrent-${dialect}`,
      deal: { ...exampleEvent('small-contract').deal, id: `D-concurrent-${dialect}` },
    };
    const replies = await Promise.all(Array.from({ length: 20 }, () => client.postEvent(event)));
    const runIds = new Set(replies.map((reply) => reply.body.runId));
    expect(runIds.size).toBe(1);
    expect(replies.filter((reply) => reply.status === 202)).toHaveLength(1);
    const run = await client.settledRun([...runIds][0] as string);
    expect(run.status).toBe('completed');
    expect(run.documents).toHaveLength(1);
    // A demo small contract is signed by the deal's responsible user (u-7), an employee: no EMPLOYEE_UNKNOWN.
    expect(run.warnings).toEqual([]);
    expect(run.documents[0]?.warnings).toEqual([]);
    expect(run.plan?.actions).toMatchObject([{ templateId: 'contract-standard' }]);
    expect(await countDocuments(harness, 'deal_id', event.deal.id)).toBe(1);
  });

  it('refuses analysts runs and documents (they hold personal data)', async () => {
    const analyst = eventPathClient(harness, 'analyst');
    expect((await analyst.getJson(`/runs/${firstRun.id}`)).status).toBe(403);
    expect((await analyst.getJson(`/documents/${firstRun.documents[0]?.id}`)).status).toBe(403);
    expect((await client.getJson('/runs/no-such-run')).status).toBe(404);
    expect((await client.getJson('/runs?status=lost')).status).toBe(400);
  });
});
