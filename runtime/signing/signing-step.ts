// Every state change of a signer runs here: one transaction that locks the envelope's row, reads
// the envelope and this signer again and refuses a signer who cannot act any more. Two submits
// of one form therefore take turns, and the second sees the first one's result.
import type { Kysely } from 'kysely';
import type { EnvelopeRow, SignerRow } from '../envelopes/envelope-info.ts';
import { lockEnvelope } from '../envelopes/load-envelope.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { assertCanAct, type Signing } from './load-signing.ts';
import { SigningRefusal } from './signing-refusal.ts';

export interface StepState {
  trx: Kysely<DatabaseSchema>;
  envelope: EnvelopeRow;
  signer: SignerRow;
}

export async function signingStep<T>(
  services: RuntimeServices,
  signing: Signing,
  now: Date,
  step: (state: StepState) => Promise<T>,
): Promise<T> {
  return services.database.db.transaction().execute(async (trx) => {
    const { envelope, signers } = await lockEnvelope(trx, signing.envelope.id, now);
    const signer = signers.find((candidate) => candidate.id === signing.signer.id);
    // The link was replaced after it was read: the signer's row now carries another token.
    if (!signer || signer.token_hash !== signing.signer.token_hash) {
      throw new SigningRefusal('replaced_link', {
        company: envelope.sender_company,
        language: signing.signer.language,
      });
    }
    assertCanAct({ envelope, signer }, now);
    return step({ trx, envelope, signer });
  });
}
