// Shared set-up of the delivery tests: runtime services with the delivery settings of a test, the
// real job workers, an envelope to hang messages (and a final PDF) on, and queueMessage inside
// a transaction as the use cases call it.
import { randomBytes } from 'node:crypto';
import type { RuntimeConfig } from '../../runtime/config.ts';
import { type QueuedMessage, type QueueMessageRequest, queueMessage } from '../../runtime/delivery/queue-message.ts';
import { readTrail } from '../../runtime/envelopes/trail/read-trail.ts';
import { createJobHandlers } from '../../runtime/jobs/job-handlers.ts';
import { startWorkers, type WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Dialect } from '../../runtime/storage/open-database.ts';
import { createTestServices } from './test-services.ts';
import { insertSealedEnvelope } from './verify-fixtures.ts';
import { waitFor } from './wait-for.ts';

export type DeliveryServices = RuntimeServices & { dispose(): Promise<void> };

export async function deliveryServices(
  dialect: Dialect,
  delivery: Partial<RuntimeConfig['delivery']> = {},
): Promise<DeliveryServices> {
  const services = await createTestServices({ dialect });
  services.config = { ...services.config, delivery: { ...services.config.delivery, ...delivery } };
  return services;
}

export function deliveryWorkers(services: RuntimeServices, retryBaseMs = 50): WorkerPool {
  return startWorkers(services, createJobHandlers(services), { concurrency: 2, retryBaseMs });
}

export const newEnvelopeId = (): string => `env_${randomBytes(16).toString('hex')}`;

/** An envelope row (completed, with finalPdf as its final PDF) that messages and trail entries can name. */
export async function insertEnvelope(services: RuntimeServices, finalPdf?: Uint8Array): Promise<string> {
  const id = newEnvelopeId();
  await insertSealedEnvelope(services, id, finalPdf ?? new TextEncoder().encode('%PDF-1.7\n% delivery test\n'));
  return id;
}

export async function queue(services: RuntimeServices, request: QueueMessageRequest): Promise<QueuedMessage> {
  return services.database.db
    .transaction()
    .execute((trx) => queueMessage(trx, services.config, request, services.now()));
}

export function invitation(
  envelopeId: string | null,
  recipient: Partial<QueueMessageRequest['recipient']>,
  overrides: Partial<QueueMessageRequest> = {},
): QueueMessageRequest {
  return {
    envelopeId,
    signerId: null,
    purpose: 'invitation',
    recipient: { name: 'Dana Client', email: null, phone: null, language: 'en', ...recipient },
    context: {
      documentTitle: 'Service contract',
      senderCompany: 'Acme Ltda',
      expiresAt: '2026-12-16T12:00:00.000Z',
      link: `http://127.0.0.1:9/sign/tok_${randomBytes(12).toString('hex')}`,
    },
    dedupeKey: `test:${randomBytes(8).toString('hex')}`,
    ...overrides,
  };
}

export async function outboxRow(services: RuntimeServices, id: string) {
  return services.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function waitForStatus(
  services: RuntimeServices,
  id: string,
  status: 'sent' | 'failed' | 'recorded',
  timeoutMs = 20_000,
): Promise<void> {
  await waitFor(async () => (await outboxRow(services, id)).status === status, timeoutMs, `outbox ${id} ${status}`);
}

export async function trailEntries(services: RuntimeServices, envelopeId: string) {
  return (await readTrail(services.database.db, envelopeId)).entries;
}
