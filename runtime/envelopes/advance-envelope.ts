// Moves an envelope on after a signer signed or declined, in the caller's transaction: a decline
// ends it for everyone; the last signature starts sealing (a durable job); a finished turn sends
// the next turn its links. The envelope row is locked first, so two signers of one parallel turn
// signing at the same moment cannot both see the other unsigned and leave it stuck.
import type { Kysely } from 'kysely';
import type { EnvelopeStatus } from '../../schemas/index.ts';
import { raiseDocumentEvent } from '../actions/raise-document-event.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { emitEnvelopeEvent } from '../webhooks/emit-domain-events.ts';
import { isOpen } from './envelope-info.ts';
import { scheduleSealing } from './envelope-jobs.ts';
import { inviteSigner } from './invite-signers.ts';
import { lockEnvelope } from './load-envelope.ts';
import { notifySigners } from './notify-signers.ts';

export async function advanceEnvelope(
  trx: Kysely<DatabaseSchema>,
  services: RuntimeServices,
  envelopeId: string,
  now: Date,
): Promise<EnvelopeStatus> {
  const { envelope, signers } = await lockEnvelope(trx, envelopeId, now);
  if (!isOpen(envelope.status)) return envelope.status;
  const at = now.toISOString();
  const decliner = signers.find((signer) => signer.status === 'declined');
  if (decliner) {
    const reason = decliner.decline_reason ?? null;
    await trx
      .updateTable('envelopes')
      .set({ status: 'declined', declined_reason: reason, updated_at: at })
      .where('id', '=', envelopeId)
      .execute();
    const others = signers.filter((signer) => signer.id !== decliner.id);
    await notifySigners(trx, services, envelope, others, 'declined', reason, now);
    await emitEnvelopeEvent(trx, services, 'envelope.declined', envelopeId, now);
    await raiseDocumentEvent(trx, envelopeId, 'declined', now);
    return 'declined';
  }
  if (signers.length > 0 && signers.every((signer) => signer.status === 'signed')) {
    await trx
      .updateTable('envelopes')
      .set({ status: 'sealing', updated_at: at })
      .where('id', '=', envelopeId)
      .execute();
    await scheduleSealing(trx, envelopeId, now);
    return 'sealing';
  }
  const pending = signers.filter((signer) => signer.status !== 'signed');
  const turn = Math.min(...pending.map((signer) => signer.turn));
  for (const signer of pending) {
    if (signer.turn === turn && signer.status === 'waiting') {
      await inviteSigner(
        trx,
        services,
        envelope,
        signer,
        { purpose: 'invitation', trailKind: 'sent', actor: 'system' },
        now,
      );
    }
  }
  const anySigned = signers.some((signer) => signer.status === 'signed');
  const status: EnvelopeStatus = anySigned ? 'partially_signed' : envelope.status;
  if (status !== envelope.status) {
    await trx.updateTable('envelopes').set({ status, updated_at: at }).where('id', '=', envelopeId).execute();
  }
  return status;
}
