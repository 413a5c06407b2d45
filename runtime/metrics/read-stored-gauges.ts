// The gauges read from the store at scrape time, so that they are right across processes and
// restarts: one grouped query per table, a handful of rows each, no per-row work here. Each query
// is answered from an index: jobs not done (jobs_claim: status, run_at), envelopes by status and
// documents by type (index-only). Done jobs are not counted: the table keeps every one, and with
// 1,000,000 jobs counting every state takes 856 ms of SQLite's one thread against 8 ms for this
// scrape (test/bench/metrics-scrape.bench.ts); inkflow_job_run_seconds_count counts them instead.
import { sql } from 'kysely';
import { envelopeStatuses } from '../envelopes/envelope-statuses.ts';
import type { RuntimeServices } from '../services.ts';
import type { JobsTable } from '../storage/database-schema.ts';
import type { RuntimeMetrics } from './runtime-metrics.ts';

const jobStates: readonly JobsTable['status'][] = ['queued', 'running', 'failed'];

interface StoredCounts {
  jobs: { kind: string; status: string; count: number; due: number }[];
  envelopes: { status: string; count: number }[];
  documents: { document_type: string; count: number }[];
}

// PostgreSQL's count() and sum() are bigint (and numeric), which pg hands back as strings.
const count = sql<number>`count(*)`;

async function readCounts(services: Pick<RuntimeServices, 'database'>, nowMs: number): Promise<StoredCounts> {
  const { db } = services.database;
  // Sequential: SQLite has one connection, and PostgreSQL's pool is the API's too.
  const jobs = await db
    .selectFrom('jobs')
    .select(['kind', 'status', count.as('count')])
    .select(sql<number>`sum(case when status = 'queued' and run_at <= ${nowMs} then 1 else 0 end)`.as('due'))
    .where('status', 'in', jobStates)
    .groupBy(['kind', 'status'])
    .execute();
  const envelopes = await db
    .selectFrom('envelopes')
    .select(['status', count.as('count')])
    .groupBy('status')
    .execute();
  const documents = await db
    .selectFrom('documents')
    .select(['document_type', count.as('count')])
    .groupBy('document_type')
    .execute();
  return { jobs, envelopes, documents };
}

function setJobGauges(metrics: RuntimeMetrics, rows: StoredCounts['jobs']): void {
  metrics.jobs.reset();
  metrics.queueDepth.reset();
  // Every state of every kind seen, zeros included: a series that vanishes reads as "no data".
  for (const row of rows) metrics.jobKinds.add(row.kind);
  for (const kind of metrics.jobKinds) {
    for (const state of jobStates) metrics.jobs.set({ kind, state }, 0);
    metrics.queueDepth.set({ kind }, 0);
  }
  for (const row of rows) {
    metrics.jobs.set({ kind: row.kind, state: row.status }, Number(row.count));
    if (row.status === 'queued') metrics.queueDepth.set({ kind: row.kind }, Number(row.due));
  }
}

function setEnvelopeGauge(metrics: RuntimeMetrics, rows: StoredCounts['envelopes']): void {
  metrics.envelopes.reset();
  for (const status of envelopeStatuses) metrics.envelopes.set({ status }, 0);
  for (const row of rows) metrics.envelopes.set({ status: row.status }, Number(row.count));
}

/** Reads the store and sets the gauges; rejects (and leaves the last values) when a query fails. */
export async function readStoredGauges(
  services: Pick<RuntimeServices, 'database'>,
  metrics: RuntimeMetrics,
  now: Date,
): Promise<void> {
  const counts = await readCounts(services, now.getTime());
  // Set in one synchronous block once every query answered: a scrape never sees half of them.
  setJobGauges(metrics, counts.jobs);
  setEnvelopeGauge(metrics, counts.envelopes);
  metrics.documents.reset();
  for (const row of counts.documents) metrics.documents.set({ document_type: row.document_type }, Number(row.count));
}
