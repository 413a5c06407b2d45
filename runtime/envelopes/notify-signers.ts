// Tells the signers who already know of an envelope (they got a link) that it ended without them:
// declined by someone, cancelled by the sender, or expired. One message per signer and outcome.
import type { Kysely } from 'kysely';
import { queueMessage } from '../delivery/queue-message.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { EnvelopeRow, SignerRow } from './envelope-info.ts';

export type EndOutcome = 'declined' | 'cancelled' | 'expired';

export async function notifySigners(
  trx: Kysely<DatabaseSchema>,
  services: RuntimeServices,
  envelope: EnvelopeRow,
  signers: readonly SignerRow[],
  outcome: EndOutcome,
  reason: string | null,
  now: Date,
): Promise<void> {
  for (const signer of signers) {
    if (signer.status === 'waiting' || (!signer.email && !signer.phone)) continue;
    await queueMessage(
      trx,
      services.config,
      {
        envelopeId: envelope.id,
        signerId: signer.id,
        purpose: outcome,
        recipient: { name: signer.name, email: signer.email, phone: signer.phone, language: signer.language },
        context: {
          documentTitle: envelope.title,
          senderCompany: envelope.sender_company,
          expiresAt: envelope.expires_at,
          ...(reason ? { reason } : {}),
        },
        dedupeKey: `${outcome}:${envelope.id}:${signer.id}`,
      },
      now,
    );
  }
}
