// PATCH /envelopes/:id/signers/:signerId: a signer's email or phone, corrected before they sign.
// A signer who already had a link gets a new one at the new address; the old link stops working,
// so a link sent to a wrong address cannot be used by whoever received it.
import type { Envelope, SignerContactChange } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { isOpen, toEnvelope } from './envelope-info.ts';
import { findSigner } from './find-signer.ts';
import { inviteSigner } from './invite-signers.ts';
import { loadEnvelope, lockEnvelope } from './load-envelope.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

export async function changeSignerContact(
  services: RuntimeServices,
  envelopeId: string,
  signerId: string,
  change: SignerContactChange,
  actor: string,
): Promise<Envelope> {
  const now = services.now();
  await services.database.db.transaction().execute(async (trx) => {
    const { envelope, signers } = await lockEnvelope(trx, envelopeId, now);
    const signer = findSigner(signers, signerId);
    if (!isOpen(envelope.status)) {
      throw conflict(
        'ENVELOPE_CLOSED',
        `Envelope ${envelopeId} is ${envelope.status}; its signers can no longer change`,
      );
    }
    if (signer.status === 'signed' || signer.status === 'declined') {
      throw conflict('SIGNER_DONE', `${signer.name} has ${signer.status}; their contact can no longer change`);
    }
    const changed = {
      email: change.email ?? signer.email,
      phone: change.phone ?? signer.phone,
    };
    await trx
      .updateTable('envelope_signers')
      .set({ ...changed, updated_at: now.toISOString() })
      .where('id', '=', signerId)
      .execute();
    await appendTrailEntry(
      trx,
      envelopeId,
      {
        kind: 'contact_changed',
        actor,
        signerId,
        details: { email: change.email !== undefined, phone: change.phone !== undefined },
      },
      now,
    );
    if (signer.status !== 'waiting' && envelope.status !== 'draft') {
      await inviteSigner(
        trx,
        services,
        envelope,
        { ...signer, ...changed },
        { purpose: 'invitation', trailKind: 'resent', actor },
        now,
      );
    }
  });
  const loaded = await loadEnvelope(services.database.db, envelopeId);
  return toEnvelope(loaded.envelope, loaded.signers);
}
