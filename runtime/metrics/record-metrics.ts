// What the use cases call to count what they did. Each is a few arithmetic operations on this
// runtime's registry: safe on any path, and never throws into the work it measures.
import type { RuntimeServices } from '../services.ts';
import { type ConversionOutcome, type JobOutcome, metricsFor, type WebhookOutcome } from './runtime-metrics.ts';

export type { ConversionOutcome, JobOutcome, WebhookOutcome } from './runtime-metrics.ts';

type Services = Pick<RuntimeServices, 'database'>;

/** prom-client throws on a non-finite observation: a clock oddity must not fail the work measured. */
const finite = (seconds: number): number => (Number.isFinite(seconds) && seconds > 0 ? seconds : 0);

/** Seconds since a performance.now() reading: the clock for every duration below. */
export function secondsSince(startedMs: number): number {
  return Math.max(0, (performance.now() - startedMs) / 1000);
}

/** One webhook delivery attempt (subscription or flow action) and how long it took. */
export function recordWebhookDelivery(services: Services, outcome: WebhookOutcome, seconds: number): void {
  const metrics = metricsFor(services);
  metrics.webhookDeliveries.inc({ outcome });
  metrics.webhookDeliverySeconds.observe({ outcome }, finite(seconds));
}

/** Deal events newly stored (a redelivered eventId is not counted again). */
export function recordEventAccepted(services: Services, type: string): void {
  metricsFor(services).eventsAccepted.inc({ type });
}

/**
 * One job attempt: its run time, and for a completed job the time from when it was due
 * (the jobs table's run_at, which each retry moves) to its completion at `completedAtMs` (epoch ms).
 */
export function recordJobAttempt(
  services: Services,
  job: { kind: string; run_at: number },
  outcome: JobOutcome,
  runSeconds: number,
  completedAtMs: number,
): void {
  const metrics = metricsFor(services);
  metrics.jobKinds.add(job.kind);
  metrics.jobRunSeconds.observe({ kind: job.kind, outcome }, finite(runSeconds));
  if (outcome === 'done')
    metrics.jobLatencySeconds.observe({ kind: job.kind }, finite((completedAtMs - job.run_at) / 1000));
}

export function recordConversion(services: Services, outcome: ConversionOutcome, seconds: number): void {
  metricsFor(services).conversionSeconds.observe({ outcome }, finite(seconds));
}

/** Runs a PDF conversion and records its outcome and duration; the conversion's result or error passes through. */
export async function measureConversion<T>(services: Services, convert: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const pdf = await convert();
    recordConversion(services, 'converted', secondsSince(started));
    return pdf;
  } catch (error) {
    // Not retryable means the input was bad (PdfConversionError.retryable false), not LibreOffice.
    const refused = (error as { retryable?: unknown } | undefined)?.retryable === false;
    recordConversion(services, refused ? 'refused' : 'failed', secondsSince(started));
    throw error;
  }
}
