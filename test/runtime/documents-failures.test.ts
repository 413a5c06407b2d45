// What goes wrong on the way to a document, and what the run says about it: a PDF conversion that
// fails once is retried with backoff and makes one document; one that cannot succeed fails the
// run with its reason; a missing template fails the run; a tag the deal lacks renders empty and
// is a warning naming the tag and the rule; a pipeline without a published flow does nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import { PdfConversionError } from '../../runtime/pdf/pdf-conversion-error.ts';
import type { DealEvent, Run } from '../../schemas/index.ts';
import { eventPathClient, pdfText } from '../support/event-path-client.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { seedDemoSales, seedPipelineOf } from '../support/seed-event-path.ts';
import { taggedDocx } from '../support/tagged-docx.ts';

// LibreOffice starts in 6-18 s on a loaded 2-core machine, and these tests share it with others.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

/** The real converter, preceded by whatever failures the test queues. */
function scriptedPdf(real: PdfConverter) {
  const failures: Error[] = [];
  let calls = 0;
  const converter = {
    async convert(docx: Uint8Array) {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return real.convert(docx);
    },
    health: () => real.health(),
    stats: () => real.stats(),
    close: () => real.close(),
  } as unknown as PdfConverter;
  return { converter, failNext: (error: Error) => failures.push(error), calls: () => calls };
}

// Templates of their own for the rules under test: the large-deal contract tests a missing tag.
const taggedContract = taggedDocx([
  'Contract for {deal.title}',
  'Client: {deal.company.name}',
  'Discount code: [{deal.fields.discountCode}]',
]);

describe('document failures (SQLite, real LibreOffice)', () => {
  const real = createRealPdf();
  const pdf = scriptedPdf(real);
  let harness: EventPathHarness;
  let client: ReturnType<typeof eventPathClient>;
  let sequence = 0;

  function contractEvent(overrides: Partial<DealEvent['deal']> = {}): DealEvent {
    sequence += 1;
    const event = exampleEvent('contract');
    return { ...event, eventId: `failure-${sequence}`, deal: { ...event.deal, id: `D-F${sequence}`, ...overrides } };
  }

  async function settle(event: DealEvent): Promise<Run> {
    const accepted = await client.postEvent(event);
    expect(accepted.status).toBe(202);
    return client.settledRun(accepted.body.runId);
  }

  async function jobsOf(runId: string) {
    return harness.services.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('run_id', '=', runId)
      .where('kind', '=', 'make-document')
      .execute();
  }

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect: 'sqlite', pdf: pdf.converter });
    await seedDemoSales(harness.services, { 'contract-large': taggedContract });
    harness.startWorkers({ concurrency: 2, retryBaseMs: 200 });
    client = eventPathClient(harness);
  });
  afterAll(async () => {
    await harness?.close();
    await real.close();
  });

  it('retries a conversion that failed once (with backoff) and makes one document', async () => {
    pdf.failNext(new PdfConversionError('PDF_INSTANCE_CRASHED', 'LibreOffice crashed while converting'));
    const run = await settle(contractEvent());
    expect(run.status).toBe('completed');
    expect(run.documents).toHaveLength(1);
    const [job] = await jobsOf(run.id);
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
    expect(job?.last_error).toContain('LibreOffice crashed while converting');
    const retried = run.warnings.find((warning) => warning.code === 'PDF_INSTANCE_CRASHED');
    expect(retried).toMatchObject({ attempt: 1, ruleName: run.documents[0]?.ruleName });
    expect(retried?.message).toMatch(/attempt 1 of 5; retrying in \d+ ms/);
  });

  it('fails the run with a clear reason when the conversion cannot succeed', async () => {
    pdf.failNext(new PdfConversionError('PDF_BAD_INPUT', 'LibreOffice cannot load the document'));
    const run = await settle(contractEvent());
    expect(run.status).toBe('failed');
    expect(run.documents).toEqual([]);
    expect(run.errors).toEqual([
      expect.objectContaining({
        code: 'PDF_BAD_INPUT',
        attempt: 1,
        ruleName: 'sales-documents:enter-contract->send-contract-large',
      }),
    ]);
    expect(run.errors[0]?.message).toContain('LibreOffice cannot load the document');
    expect((await jobsOf(run.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('renders a tag the deal lacks as empty and warns, naming the tag and the rule', async () => {
    const run = await settle(contractEvent({ title: 'Tagged deal' }));
    expect(run.status).toBe('completed');
    const warning = run.warnings.find((each) => each.code === 'PLACEHOLDER_MISSING');
    expect(warning).toMatchObject({
      tag: 'deal.fields.discountCode',
      ruleName: 'sales-documents:enter-contract->send-contract-large',
    });
    expect(warning?.message).toContain('deal.fields.discountCode');
    expect(run.documents[0]?.warnings).toEqual([expect.objectContaining({ tag: 'deal.fields.discountCode' })]);
    const bytes = await client.getBytes(`/documents/${run.documents[0]?.id}/pdf`);
    const text = await pdfText(bytes.bytes);
    expect(text).toContain('Contract for Tagged deal');
    expect(text).toContain('Discount code: []');
  });

  it('fails the run with TEMPLATE_MISSING when the rule names a template that is gone', async () => {
    const { db } = harness.services.database;
    // An active flow's template cannot be deleted through the API; this simulates a store that drifted.
    const saved = await db
      .selectFrom('templates')
      .selectAll()
      .where('id', '=', 'contract-standard')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('templates').where('id', '=', 'contract-standard').execute();
    try {
      const run = await settle(contractEvent({ amount: 1_000 }));
      expect(run.status).toBe('failed');
      expect(run.errors).toEqual([
        expect.objectContaining({
          code: 'TEMPLATE_MISSING',
          ruleName: 'sales-documents:enter-contract->send-contract-standard',
          attempt: 1,
        }),
      ]);
      expect(run.errors[0]?.message).toContain('contract-standard');
    } finally {
      await db.insertInto('templates').values(saved).execute();
    }
  });

  it('completes a run of a pipeline without a published flow with NO_ACTIVE_FLOW and nothing made', async () => {
    const flow = demoFlow();
    await seedPipelineOf(harness.services, { ...flow, pipeline: { ...flow.pipeline, id: 'unpublished' } });
    const event = { ...contractEvent(), pipelineId: 'unpublished' };
    const run = await settle(event);
    expect(run).toMatchObject({ status: 'completed', plan: null, documents: [], errors: [] });
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'NO_ACTIVE_FLOW' })]);
  });

  it('completes a run whose plan has no document at once', async () => {
    const event = contractEvent({ stageId: 'proposal', previousStageId: 'qualified' });
    const calls = pdf.calls();
    const run = await settle(event);
    expect(run).toMatchObject({ status: 'completed', documents: [], errors: [] });
    expect(run.plan?.actions).toEqual([]);
    expect(pdf.calls()).toBe(calls);
  });
});
