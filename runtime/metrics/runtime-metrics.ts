// The metrics of one runtime, in a registry of its own: tests start several runtimes in one
// process, so prom-client's global registry would mix their counts. Counters and histograms here
// are this process's; what must be right across processes and restarts (jobs waiting, running or
// failed, envelopes, documents) is read from the database at scrape time (read-stored-gauges.ts).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RuntimeServices } from '../services.ts';
import type { Database } from '../storage/open-database.ts';

export type ConversionOutcome = 'converted' | 'failed' | 'refused';
export type JobOutcome = 'done' | 'retry' | 'failed';
export type WebhookOutcome = 'delivered' | 'failed' | 'refused';

// Seconds; jobs wait from milliseconds (woken at once) to a day (retries back off over 24 h).
const jobLatencyBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800, 3600, 21_600, 86_400];
// A warm conversion takes ~0.05-0.5 s, a cold one ~1-2 s, the timeout is 30 s.
const conversionBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];
// A webhook answers within its 10 s limit or counts as failed.
const webhookBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface RuntimeMetrics {
  registry: Registry;
  /** Job kinds seen in the store or run here: their gauges stay (at 0) when no job of theirs waits. */
  jobKinds: Set<string>;
  eventsAccepted: Counter<'type'>;
  jobRunSeconds: Histogram<'kind' | 'outcome'>;
  jobLatencySeconds: Histogram<'kind'>;
  conversionSeconds: Histogram<'outcome'>;
  webhookDeliveries: Counter<'outcome'>;
  webhookDeliverySeconds: Histogram<'outcome'>;
  jobs: Gauge<'kind' | 'state'>;
  queueDepth: Gauge<'kind'>;
  envelopes: Gauge<'status'>;
  documents: Gauge<'document_type'>;
}

function createMetrics(): RuntimeMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    jobKinds: new Set(),
    eventsAccepted: new Counter({
      name: 'inkflow_events_accepted_total',
      help: 'Deal events accepted by POST /api/v1/events in this process (redeliveries of a stored eventId not counted), by event type',
      labelNames: ['type'],
      registers,
    }),
    jobRunSeconds: new Histogram({
      name: 'inkflow_job_run_seconds',
      help: 'Time one job attempt ran in this process, by job kind and outcome (done, retry, failed)',
      labelNames: ['kind', 'outcome'],
      buckets: jobLatencyBuckets,
      registers,
    }),
    jobLatencySeconds: new Histogram({
      name: 'inkflow_job_latency_seconds',
      help: 'Time from a job being due (its run_at) to its completion, for jobs completed in this process, by job kind',
      labelNames: ['kind'],
      buckets: jobLatencyBuckets,
      registers,
    }),
    conversionSeconds: new Histogram({
      name: 'inkflow_pdf_conversion_seconds',
      help: 'DOCX to PDF conversions in this process and their duration, by outcome (converted; failed: LibreOffice crashed or timed out; refused: bad input)',
      labelNames: ['outcome'],
      buckets: conversionBuckets,
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'inkflow_webhook_deliveries_total',
      help: 'Webhook delivery attempts made by this process, by outcome (delivered: 2xx in time; failed: error, timeout or non-2xx; refused: the address is not allowed)',
      labelNames: ['outcome'],
      registers,
    }),
    webhookDeliverySeconds: new Histogram({
      name: 'inkflow_webhook_delivery_seconds',
      help: 'Duration of webhook delivery attempts made by this process, by outcome',
      labelNames: ['outcome'],
      buckets: webhookBuckets,
      registers,
    }),
    jobs: new Gauge({
      name: 'inkflow_jobs',
      help: 'Jobs in the store (all processes) not done, by job kind and state (queued, running, failed); done jobs are counted by inkflow_job_run_seconds_count',
      labelNames: ['kind', 'state'],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'inkflow_job_queue_depth',
      help: 'Queued jobs that are due now (run_at <= now) and wait for a worker, by job kind',
      labelNames: ['kind'],
      registers,
    }),
    envelopes: new Gauge({
      name: 'inkflow_envelopes',
      help: 'Envelopes in the store, by status',
      labelNames: ['status'],
      registers,
    }),
    documents: new Gauge({
      name: 'inkflow_documents',
      help: 'Documents made and stored, by document type',
      labelNames: ['document_type'],
      registers,
    }),
  };
}

const withProcessMetrics = new WeakSet<Registry>();

/**
 * Adds prom-client's process metrics (CPU, memory, event-loop lag, GC; process_*, nodejs_*) at the
 * first scrape: each set keeps a GC observer for good, which a runtime nobody scrapes (most tests
 * start one) should not leave behind.
 */
export function addProcessMetrics(metrics: RuntimeMetrics): void {
  if (withProcessMetrics.has(metrics.registry)) return;
  withProcessMetrics.add(metrics.registry);
  collectDefaultMetrics({ register: metrics.registry });
}

// Keyed on the runtime's database, as intake-batcher.ts is: the HTTP side and the workers of one
// runtime share it even when a caller copies the services object (e.g. with another clock).
const metricsByDatabase = new WeakMap<Database, RuntimeMetrics>();

export function metricsFor(services: Pick<RuntimeServices, 'database'>): RuntimeMetrics {
  let metrics = metricsByDatabase.get(services.database);
  if (!metrics) {
    metrics = createMetrics();
    metricsByDatabase.set(services.database, metrics);
  }
  return metrics;
}
