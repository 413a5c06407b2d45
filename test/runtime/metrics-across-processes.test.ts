// The store's gauges are the store's, not a process's: jobs another process queued (one due now,
// one later) show in this process's scrape, and a process started afresh on the same store (a
// restart, a new registry with no counts of its own) reports the same values at once.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJobs } from '../../runtime/jobs/enqueue-job.ts';
import { serveMetricsPort } from '../../runtime/metrics/serve-metrics-port.ts';
import type { HttpServer } from '../../runtime/serve-http.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import { type DatabasePlace, dialects, dropPlace, newDatabasePlace, openPlace } from '../support/database-places.ts';
import { parseMetrics, type Samples } from './metrics-text.ts';

const logger = pino({ level: 'silent' });

async function scrapeOnce(database: Database): Promise<Samples> {
  const server: HttpServer = await serveMetricsPort({ database, logger, now: () => new Date() }, 0);
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.status).toBe(200);
    return parseMetrics(await response.text());
  } finally {
    await server.close(0);
  }
}

describe.each(dialects)('gauges across processes on %s', (dialect) => {
  let place: DatabasePlace;
  let scraping: Database;
  let queuing: Database;

  beforeAll(async () => {
    place = newDatabasePlace(dialect);
    scraping = await openPlace(place);
    queuing = await openPlace(place);
  });
  afterAll(async () => {
    await scraping?.close();
    await queuing?.close();
    if (place) await dropPlace(place);
  });

  it('shows the jobs another process queued, due and not yet due', async () => {
    const now = new Date();
    await queuing.db.transaction().execute((trx) =>
      enqueueJobs(
        trx,
        [
          { kind: 'deliver-webhook', runId: null, payload: {}, dedupeKey: 'metrics:due' },
          {
            kind: 'deliver-webhook',
            runId: null,
            payload: {},
            dedupeKey: 'metrics:later',
            runAt: now.getTime() + 3_600_000,
          },
        ],
        now,
      ),
    );
    const samples = await scrapeOnce(scraping);
    expect(samples.value('inkflow_jobs', { kind: 'deliver-webhook', state: 'queued' })).toBe(2);
    expect(samples.value('inkflow_jobs', { kind: 'deliver-webhook', state: 'running' })).toBe(0);
    expect(samples.value('inkflow_job_queue_depth', { kind: 'deliver-webhook' })).toBe(1);
  });

  it('reports the same after a restart, from a registry that counted nothing itself', async () => {
    await scraping.close();
    scraping = await openPlace(place);
    const samples = await scrapeOnce(scraping);
    expect(samples.value('inkflow_jobs', { kind: 'deliver-webhook', state: 'queued' })).toBe(2);
    expect(samples.value('inkflow_job_queue_depth', { kind: 'deliver-webhook' })).toBe(1);
    expect(samples.sum('inkflow_job_run_seconds_count')).toBe(0);
  });
});
