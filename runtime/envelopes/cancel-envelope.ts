// POST /envelopes/:id/cancel: the sender withdraws the document. Every link stops working (the
// signer's page checks the envelope's status) and those who had one are told.
import type { CancelEnvelopeRequest, Envelope } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { isOpen, toEnvelope } from './envelope-info.ts';
import { loadEnvelope, lockEnvelope } from './load-envelope.ts';
import { notifySigners } from './notify-signers.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

export async function cancelEnvelope(
  services: RuntimeServices,
  envelopeId: string,
  request: CancelEnvelopeRequest,
  actor: string,
): Promise<Envelope> {
  const now = services.now();
  const reason = request.reason?.trim() || null;
  await services.database.db.transaction().execute(async (trx) => {
    const { envelope, signers } = await lockEnvelope(trx, envelopeId, now);
    if (!isOpen(envelope.status)) {
      throw conflict('ENVELOPE_CLOSED', `Envelope ${envelopeId} is ${envelope.status}; it can no longer be cancelled`);
    }
    await trx
      .updateTable('envelopes')
      .set({ status: 'cancelled', declined_reason: reason, updated_at: now.toISOString() })
      .where('id', '=', envelopeId)
      .execute();
    await appendTrailEntry(trx, envelopeId, { kind: 'cancelled', actor, details: { reason } }, now);
    await notifySigners(trx, services, envelope, signers, 'cancelled', reason, now);
  });
  const loaded = await loadEnvelope(services.database.db, envelopeId);
  return toEnvelope(loaded.envelope, loaded.signers);
}
