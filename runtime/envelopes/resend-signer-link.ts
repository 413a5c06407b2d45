// POST /envelopes/:id/signers/:signerId/resend: a new link for a signer whose turn it is (lost
// email, locked code). The old link stops working at once and its page says a newer one was sent.
import type { Envelope } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { isOpen, toEnvelope } from './envelope-info.ts';
import { findSigner } from './find-signer.ts';
import { inviteSigner } from './invite-signers.ts';
import { loadEnvelope, lockEnvelope } from './load-envelope.ts';

export async function resendSignerLink(
  services: RuntimeServices,
  envelopeId: string,
  signerId: string,
  actor: string,
): Promise<Envelope> {
  const now = services.now();
  await services.database.db.transaction().execute(async (trx) => {
    const { envelope, signers } = await lockEnvelope(trx, envelopeId, now);
    const signer = findSigner(signers, signerId);
    if (envelope.status === 'draft') {
      throw conflict('ENVELOPE_NOT_SENT', `Envelope ${envelopeId} is a draft: send it (POST …/send) instead`);
    }
    if (!isOpen(envelope.status)) {
      throw conflict('ENVELOPE_CLOSED', `Envelope ${envelopeId} is ${envelope.status}; no new link can be sent`);
    }
    if (signer.status === 'signed' || signer.status === 'declined' || signer.status === 'waiting') {
      const why = signer.status === 'waiting' ? 'it is not their turn yet' : `they have ${signer.status}`;
      throw conflict('SIGNER_NOT_IN_TURN', `No new link for ${signer.name}: ${why}`);
    }
    await inviteSigner(trx, services, envelope, signer, { purpose: 'invitation', trailKind: 'resent', actor }, now);
  });
  const loaded = await loadEnvelope(services.database.db, envelopeId);
  return toEnvelope(loaded.envelope, loaded.signers);
}
