// One scrape: the stored gauges are read (grouped queries), then the registry is written out in
// Prometheus' text format. Scrapes that arrive while one is reading the store share its answer,
// so many scrapers cost the database one set of queries. A store that fails or does not answer
// within scrapeTimeoutMs makes the scrape "unavailable" (503 JSON), never a crash.
import { AppError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { readStoredGauges } from './read-stored-gauges.ts';
import { addProcessMetrics, metricsFor, type RuntimeMetrics } from './runtime-metrics.ts';

const scrapeTimeoutMs = 5_000;

export interface MetricsText {
  contentType: string;
  body: string;
}

const inFlight = new WeakMap<RuntimeMetrics, Promise<MetricsText>>();

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function scrape(services: Pick<RuntimeServices, 'database' | 'logger' | 'now'>, metrics: RuntimeMetrics) {
  try {
    await withTimeout(readStoredGauges(services, metrics, services.now()), scrapeTimeoutMs);
  } catch (error) {
    services.logger.warn({ err: error }, 'metrics: reading the store failed');
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'unavailable',
      'METRICS_STORE_UNAVAILABLE',
      `The database did not answer the metrics queries (${reason}); /healthz says more`,
    );
  }
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

export function scrapeMetrics(services: Pick<RuntimeServices, 'database' | 'logger' | 'now'>): Promise<MetricsText> {
  const metrics = metricsFor(services);
  addProcessMetrics(metrics);
  let pending = inFlight.get(metrics);
  if (!pending) {
    pending = scrape(services, metrics).finally(() => inFlight.delete(metrics));
    inFlight.set(metrics, pending);
  }
  return pending;
}
