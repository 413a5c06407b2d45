// The envelope's scheduled jobs: expiry when the links run out, an optional reminder before, and
// sealing when the last signer has signed. Each has a dedupe key per envelope (and per expiry
// time), so planning twice schedules once.
import type { Kysely } from 'kysely';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export const expireEnvelopeJob = 'expire-envelope';
export const remindEnvelopeJob = 'remind-envelope';
export const sealEnvelopeJob = 'seal-envelope';

export interface EnvelopeJobPayload {
  envelopeId: string;
}

const dayMs = 86_400_000;

export async function scheduleExpiry(
  trx: Kysely<DatabaseSchema>,
  envelope: { id: string; run_id: string | null; reminder_days: number | null },
  expiresAt: Date,
  now: Date,
): Promise<void> {
  const payload: EnvelopeJobPayload = { envelopeId: envelope.id };
  const stamp = expiresAt.getTime();
  await enqueueJob(
    trx,
    { kind: expireEnvelopeJob, runId: null, payload, dedupeKey: `expire:${envelope.id}:${stamp}`, runAt: stamp },
    now,
  );
  if (envelope.reminder_days) {
    const remindAt = stamp - envelope.reminder_days * dayMs;
    if (remindAt > now.getTime()) {
      await enqueueJob(
        trx,
        { kind: remindEnvelopeJob, runId: null, payload, dedupeKey: `remind:${envelope.id}:${stamp}`, runAt: remindAt },
        now,
      );
    }
  }
}

/** Sealing retries for a long time: an envelope must not stay "sealing" because of a passing fault. */
export const sealMaxAttempts = 30;

export async function scheduleSealing(trx: Kysely<DatabaseSchema>, envelopeId: string, now: Date): Promise<void> {
  const payload: EnvelopeJobPayload = { envelopeId };
  await enqueueJob(
    trx,
    { kind: sealEnvelopeJob, runId: null, payload, dedupeKey: `seal:${envelopeId}`, maxAttempts: sealMaxAttempts },
    now,
  );
}
