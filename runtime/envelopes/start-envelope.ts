// Sends a draft envelope: the links start to count down (expires_at), the first turn's signers
// get their links, and expiry (and the reminder) are scheduled, all in the caller's transaction.
import type { Kysely } from 'kysely';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { emitEnvelopeEvent } from '../webhooks/emit-domain-events.ts';
import { scheduleExpiry } from './envelope-jobs.ts';
import { inviteSigner } from './invite-signers.ts';
import type { LoadedEnvelope } from './load-envelope.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

const dayMs = 86_400_000;

export async function startEnvelope(
  trx: Kysely<DatabaseSchema>,
  services: RuntimeServices,
  loaded: LoadedEnvelope,
  actor: string,
  now: Date,
): Promise<void> {
  const { envelope, signers } = loaded;
  const expiresAt = new Date(now.getTime() + envelope.link_expiry_days * dayMs);
  const sent = {
    ...envelope,
    status: 'sent' as const,
    sent_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
  };
  await trx
    .updateTable('envelopes')
    .set({ status: sent.status, sent_at: sent.sent_at, expires_at: sent.expires_at, updated_at: sent.sent_at })
    .where('id', '=', envelope.id)
    .execute();
  await appendTrailEntry(
    trx,
    envelope.id,
    { kind: 'sent', actor, details: { expiresAt: sent.expires_at, signers: signers.length } },
    now,
  );
  const firstTurn = Math.min(...signers.map((signer) => signer.turn));
  for (const signer of signers) {
    if (signer.turn !== firstTurn) continue;
    await inviteSigner(trx, services, sent, signer, { purpose: 'invitation', trailKind: 'sent', actor }, now);
  }
  await scheduleExpiry(trx, envelope, expiresAt, now);
  await emitEnvelopeEvent(trx, services, 'envelope.sent', envelope.id, now);
}
