// POST /envelopes/:id/send: a draft (made with "send": false, or held back because a signer could
// not be reached) goes out now. Refused while a signer still has neither email nor phone.
import type { Envelope } from '../../schemas/index.ts';
import { AppError, conflict } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toEnvelope } from './envelope-info.ts';
import { loadEnvelope, lockEnvelope } from './load-envelope.ts';
import { startEnvelope } from './start-envelope.ts';

export async function sendEnvelope(services: RuntimeServices, envelopeId: string, actor: string): Promise<Envelope> {
  const now = services.now();
  await services.database.db.transaction().execute(async (trx) => {
    const loaded = await lockEnvelope(trx, envelopeId, now);
    if (loaded.envelope.status !== 'draft') {
      throw conflict(
        'ENVELOPE_NOT_DRAFT',
        `Envelope ${envelopeId} is ${loaded.envelope.status}; only a draft can be sent`,
      );
    }
    if (loaded.signers.length === 0) {
      throw conflict('ENVELOPE_HAS_NO_SIGNERS', `Envelope ${envelopeId} has nobody to sign it`);
    }
    const unreachable = loaded.signers.filter((signer) => !signer.email && !signer.phone);
    if (unreachable.length > 0) {
      throw new AppError(
        'conflict',
        'SIGNER_UNREACHABLE',
        `Set an email or phone first (PATCH /api/v1/envelopes/${envelopeId}/signers/<id>) for: ${unreachable.map((signer) => `${signer.name} (${signer.id})`).join(', ')}`,
      );
    }
    await startEnvelope(trx, services, loaded, actor, now);
  });
  const { envelope, signers } = await loadEnvelope(services.database.db, envelopeId);
  return toEnvelope(envelope, signers);
}
