// GET /metrics over real HTTP, a real store (SQLite and PostgreSQL) and real LibreOffice: the text
// is parsed and its values move with real actions (an event posted, its jobs queued then run, a
// PDF converted, a document and its envelope stored). 401 without a token, 403 for a client, the
// scrape token or an admin token let in; a failing query answers 503 JSON and the next scrape
// works; INKFLOW_METRICS_PORT's loopback server needs no token; each runtime counts its own.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildOpenApi } from '../../runtime/http/openapi/build-openapi.ts';
import { measureConversion, recordWebhookDelivery } from '../../runtime/metrics/record-metrics.ts';
import { serveMetricsPort } from '../../runtime/metrics/serve-metrics-port.ts';
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import type { HttpServer } from '../../runtime/serve-http.ts';
import type { ApiError, DealEvent } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { eventPathClient } from '../support/event-path-client.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { exampleEvent } from '../support/examples.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { parseMetrics, type Samples } from './metrics-text.ts';
import { type OpenApi, responseChecker } from './openapi-conformance.ts';

// LibreOffice starts in 6-18 s on a loaded 2-core machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const scrapeToken = 'scrape-token-for-tests-0123456789';
const check = responseChecker(buildOpenApi() as unknown as OpenApi);

/** The answer's status and body as the OpenAPI document describes GET /metrics: no problems. */
async function documented(response: Response): Promise<string> {
  const text = await response.text();
  expect(check('get', '/metrics', response.status, response.headers.get('content-type') ?? '', text)).toEqual([]);
  return text;
}

let pdf: PdfConverter;
beforeAll(() => {
  pdf = createRealPdf();
});
afterAll(async () => {
  await pdf?.close();
});

describe.each(dialects)('GET /metrics on %s', (dialect) => {
  let harness: EventPathHarness;
  let origin: string;
  const contract: DealEvent = { ...exampleEvent('contract'), eventId: `metrics-${dialect}-contract` };

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect, pdf });
    harness.services.config.metrics = { token: scrapeToken, port: undefined };
    origin = harness.baseUrl.replace(/\/api\/v1$/, '');
    await seedDemoSales(harness.services);
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function scrape(token = scrapeToken): Promise<Samples> {
    const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    expect({ status: response.status, text: response.status === 200 ? '' : text }).toEqual({ status: 200, text: '' });
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parseMetrics(text);
  }

  it('answers 401 without a token or with an unknown one, 403 for a client token', async () => {
    const bare = await fetch(`${origin}/metrics`);
    expect(bare.status).toBe(401);
    expect((JSON.parse(await documented(bare)) as ApiError).error.code).toBe('TOKEN_REQUIRED');
    const unknown = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${scrapeToken}x` } });
    expect(unknown.status).toBe(401);
    expect((JSON.parse(await documented(unknown)) as ApiError).error.code).toBe('TOKEN_UNKNOWN');
    const client = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${harness.tokens.client}` } });
    expect(client.status).toBe(403);
    expect((JSON.parse(await documented(client)) as ApiError).error.code).toBe('ROLE_FORBIDDEN');
  });

  it('lets in the scrape token and an admin token, with help texts and inkflow_ names', async () => {
    const response = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${harness.tokens.admin}` } });
    expect(response.status).toBe(200);
    const text = await documented(response);
    for (const name of [
      'inkflow_events_accepted_total',
      'inkflow_jobs',
      'inkflow_job_queue_depth',
      'inkflow_job_latency_seconds',
      'inkflow_job_run_seconds',
      'inkflow_pdf_conversion_seconds',
      'inkflow_envelopes',
      'inkflow_webhook_deliveries_total',
    ]) {
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S.{20,}$`, 'm'));
    }
    const samples = await scrape();
    // Every envelope status is there from the start, at 0.
    expect(samples.value('inkflow_envelopes', { status: 'completed' })).toBe(0);
    expect(samples.value('process_resident_memory_bytes', {})).toBeGreaterThan(0);
  });

  it('counts an accepted event once and shows its job queued and due before any worker runs', async () => {
    const before = await scrape();
    const accepted = await eventPathClient(harness).postEvent(contract);
    expect(accepted.status).toBe(202);
    const after = await scrape();
    const type = { type: contract.type };
    expect(after.value('inkflow_events_accepted_total', type)).toBe(
      (before.value('inkflow_events_accepted_total', type) ?? 0) + 1,
    );
    expect(after.value('inkflow_jobs', { kind: 'evaluate-run', state: 'queued' })).toBe(1);
    expect(after.value('inkflow_jobs', { kind: 'evaluate-run', state: 'running' })).toBe(0);
    expect(after.value('inkflow_job_queue_depth', { kind: 'evaluate-run' })).toBe(1);

    // A redelivery of the same event makes nothing new and counts nothing.
    expect((await eventPathClient(harness).postEvent(contract)).status).toBe(200);
    const again = await scrape();
    expect(again.value('inkflow_events_accepted_total', type)).toBe(after.value('inkflow_events_accepted_total', type));
  });

  it('moves the job, conversion, document and envelope figures when the workers run the event', async () => {
    const before = await scrape();
    const conversions = (samples: Samples) =>
      samples.value('inkflow_pdf_conversion_seconds_count', { outcome: 'converted' }) ?? 0;
    harness.startWorkers({ concurrency: 2 });
    const runs = await harness.services.database.db.selectFrom('runs').select('id').execute();
    const run = await eventPathClient(harness).settledRun(runs[0]?.id as string);
    expect(run.status).toBe('completed');
    expect(run.documents).toHaveLength(1);
    const after = await scrape();

    expect(conversions(after)).toBe(conversions(before) + 1);
    const converted = { outcome: 'converted' };
    expect(after.value('inkflow_pdf_conversion_seconds_sum', converted)).toBeGreaterThan(0);
    expect(after.value('inkflow_pdf_conversion_seconds_bucket', { ...converted, le: '+Inf' })).toBe(conversions(after));
    // Done jobs leave the store's gauge (they are counted as they finish, below).
    expect(after.value('inkflow_jobs', { kind: 'evaluate-run', state: 'done' })).toBeUndefined();
    expect(after.value('inkflow_jobs', { kind: 'evaluate-run', state: 'running' })).toBe(0);
    expect(after.value('inkflow_jobs', { kind: 'evaluate-run', state: 'queued' })).toBe(0);
    expect(after.value('inkflow_job_queue_depth', { kind: 'evaluate-run' })).toBe(0);
    expect(after.value('inkflow_jobs', { kind: 'make-document', state: 'failed' })).toBe(0);
    expect(after.value('inkflow_job_run_seconds_count', { kind: 'evaluate-run', outcome: 'done' })).toBe(1);
    expect(after.value('inkflow_job_run_seconds_count', { kind: 'make-document', outcome: 'done' })).toBe(1);
    expect(after.value('inkflow_job_latency_seconds_count', { kind: 'evaluate-run' })).toBe(1);
    expect(after.value('inkflow_job_latency_seconds_count', { kind: 'make-document' })).toBe(1);
    expect(after.value('inkflow_documents', { document_type: 'contract' })).toBe(1);

    // The envelope gauge says what the envelopes table says, status by status.
    const stored = await harness.services.database.db.selectFrom('envelopes').select('status').execute();
    expect(stored).toHaveLength(1);
    expect(after.value('inkflow_envelopes', { status: stored[0]?.status as string })).toBe(1);
    expect(after.sum('inkflow_envelopes')).toBe(1);
  });

  it('counts a conversion LibreOffice was never given (not a DOCX) as refused, and passes its error on', async () => {
    const refused = (samples: Samples) =>
      samples.value('inkflow_pdf_conversion_seconds_count', { outcome: 'refused' }) ?? 0;
    const before = await scrape();
    const notDocx = new TextEncoder().encode('plain text, not a DOCX package');
    await expect(
      measureConversion(harness.services, () => harness.services.pdf.convert(notDocx)),
    ).rejects.toMatchObject({
      code: 'PDF_BAD_INPUT',
    });
    const after = await scrape();
    expect(refused(after)).toBe(refused(before) + 1);
    expect(after.value('inkflow_pdf_conversion_seconds_count', { outcome: 'converted' })).toBe(
      before.value('inkflow_pdf_conversion_seconds_count', { outcome: 'converted' }),
    );
  });

  it('counts webhook deliveries by outcome as helper code records them', async () => {
    const before = await scrape();
    const delivered = (samples: Samples) =>
      samples.value('inkflow_webhook_deliveries_total', { outcome: 'delivered' }) ?? 0;
    recordWebhookDelivery(harness.services, 'delivered', 0.12);
    recordWebhookDelivery(harness.services, 'refused', 0);
    // A clock oddity is observed as 0 s, not thrown into the delivery that reports it.
    recordWebhookDelivery(harness.services, 'failed', Number.NaN);
    const after = await scrape();
    expect(delivered(after)).toBe(delivered(before) + 1);
    expect(after.value('inkflow_webhook_delivery_seconds_count', { outcome: 'delivered' })).toBe(delivered(after));
    expect(after.value('inkflow_webhook_deliveries_total', { outcome: 'refused' })).toBeGreaterThanOrEqual(1);
    expect(
      after.value('inkflow_webhook_delivery_seconds_bucket', { outcome: 'failed', le: '0.01' }),
    ).toBeGreaterThanOrEqual(1);
  });
});

describe.each(dialects)('a scrape whose store fails, and the loopback metrics port, on %s', (dialect) => {
  let harness: EventPathHarness;
  let origin: string;
  let loopback: HttpServer | undefined;

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect });
    origin = harness.baseUrl.replace(/\/api\/v1$/, '');
    loopback = await serveMetricsPort(harness.services, 0);
  });
  afterAll(async () => {
    await loopback?.close(0);
    await harness?.close();
  });

  it('answers 503 JSON while a metrics query fails, and 200 again once it works', async () => {
    const { db } = harness.services.database;
    const get = () => fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${harness.tokens.admin}` } });
    expect((await get()).status).toBe(200);
    await sql`alter table envelopes rename to envelopes_away`.execute(db);
    try {
      const failed = await get();
      expect(failed.status).toBe(503);
      expect((JSON.parse(await documented(failed)) as ApiError).error.code).toBe('METRICS_STORE_UNAVAILABLE');
      const onLoopback = await fetch(`http://127.0.0.1:${loopback?.port}/metrics`);
      expect(onLoopback.status).toBe(503);
    } finally {
      await sql`alter table envelopes_away rename to envelopes`.execute(db);
    }
    expect((await get()).status).toBe(200);
  });

  it('serves /metrics without a token on the loopback port, and nothing else there', async () => {
    const response = await fetch(`http://127.0.0.1:${loopback?.port}/metrics`);
    expect(response.status).toBe(200);
    const samples = parseMetrics(await response.text());
    expect(samples.value('inkflow_envelopes', { status: 'sent' })).toBe(0);
    expect((await fetch(`http://127.0.0.1:${loopback?.port}/api/v1/runs`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${loopback?.port}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('keeps this runtime’s counters apart from another runtime’s in the same process', async () => {
    // The other describe block's runtimes accepted contract events; this one accepted none.
    const response = await fetch(`http://127.0.0.1:${loopback?.port}/metrics`);
    const samples = parseMetrics(await response.text());
    expect(samples.sum('inkflow_events_accepted_total')).toBe(0);
    expect(samples.sum('inkflow_pdf_conversion_seconds_count')).toBe(0);
  });
});
