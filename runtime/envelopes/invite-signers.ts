// Sends signers their links: a fresh token each (the old one, if any, is remembered as replaced
// so that its page can say a newer link was sent), the signer back to 'sent' with the one-time
// code state cleared, and the message queued in the same transaction (durable delivery).
import type { Kysely } from 'kysely';
import type { TrailKind } from '../../schemas/index.ts';
import { maskDestination } from '../delivery/mask-destination.ts';
import { type MessagePurpose, queueMessage } from '../delivery/queue-message.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { EnvelopeRow, SignerRow } from './envelope-info.ts';
import { issueSignerToken } from './signer-token.ts';
import { signingLink } from './signing-link.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

export interface Invitation {
  purpose: Extract<MessagePurpose, 'invitation' | 'reminder'>;
  /** The trail's word for it: sent (first link), resent, reminded. */
  trailKind: Extract<TrailKind, 'sent' | 'resent' | 'reminded' | 'contact_changed'>;
  actor: string;
}

export async function inviteSigner(
  trx: Kysely<DatabaseSchema>,
  services: RuntimeServices,
  envelope: EnvelopeRow,
  signer: SignerRow,
  invitation: Invitation,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  if (signer.token_hash) {
    await trx
      .insertInto('replaced_signer_tokens')
      .values({ token_hash: signer.token_hash, signer_id: signer.id, replaced_at: at })
      .onConflict((conflict) => conflict.column('token_hash').doNothing())
      .execute();
  }
  const token = issueSignerToken();
  await trx
    .updateTable('envelope_signers')
    .set({
      token_hash: token.hash,
      token_issued_at: at,
      status: 'sent',
      sent_at: signer.sent_at ?? at,
      code_hash: null,
      code_expires_at: null,
      code_attempts: 0,
      code_sends: 0,
      code_locked: 0,
      session_hash: null,
      updated_at: at,
    })
    .where('id', '=', signer.id)
    .execute();
  const queued = await queueMessage(
    trx,
    services.config,
    {
      envelopeId: envelope.id,
      signerId: signer.id,
      purpose: invitation.purpose,
      recipient: { name: signer.name, email: signer.email, phone: signer.phone, language: signer.language },
      context: {
        documentTitle: envelope.title,
        senderCompany: envelope.sender_company,
        expiresAt: envelope.expires_at,
        link: signingLink(services.config, token.token),
      },
      // The token hash is unique per link, so each link's message is queued once.
      dedupeKey: `${invitation.purpose}:${signer.id}:${token.hash.slice(0, 16)}`,
    },
    now,
  );
  await appendTrailEntry(
    trx,
    envelope.id,
    {
      kind: invitation.trailKind,
      actor: invitation.actor,
      signerId: signer.id,
      details: { channel: queued.channel, to: maskDestination(queued.destination), purpose: invitation.purpose },
    },
    now,
  );
}
