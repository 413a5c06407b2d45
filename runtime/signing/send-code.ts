// Sends the signer a fresh one-time code (email when they have one, else SMS): at most 5 per link
// and 30 s apart, each valid 5 minutes; a new code resets the attempts. The trail keeps the
// channel and the masked address, never the code.
import { maskDestination } from '../delivery/mask-destination.ts';
import { queueMessage } from '../delivery/queue-message.ts';
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import type { RuntimeServices } from '../services.ts';
import { type Signing, signerActor } from './load-signing.ts';
import { codeLimits, hashCode, newCode } from './one-time-code.ts';
import { SigningRefusal } from './signing-refusal.ts';
import { signingStep } from './signing-step.ts';

export interface SentCode {
  channel: 'email' | 'sms';
  /** Masked: "d•••@acme.com". */
  to: string;
}

export async function sendCode(services: RuntimeServices, signing: Signing, now: Date): Promise<SentCode> {
  return signingStep(services, signing, now, async ({ trx, envelope, signer }) => {
    const context = { company: envelope.sender_company, language: signer.language };
    if (!signer.consent_at) throw new SigningRefusal('consent_required', context);
    if (signer.code_sends >= codeLimits.maxSends) throw new SigningRefusal('too_many_codes', context);
    if (signer.code_expires_at) {
      const sentAt = Date.parse(signer.code_expires_at) - codeLimits.validMs;
      const waitMs = sentAt + codeLimits.minGapMs - now.getTime();
      if (waitMs > 0) {
        const retryAfter = Math.ceil(waitMs / 1000);
        throw new SigningRefusal('code_too_soon', {
          ...context,
          retryAfter,
          at: new Date(now.getTime() + retryAfter * 1000).toISOString(),
        });
      }
    }
    const code = newCode();
    const sends = signer.code_sends + 1;
    const channel = signer.email ? 'email' : 'sms';
    const to = maskDestination((channel === 'email' ? signer.email : signer.phone) ?? '');
    const at = now.toISOString();
    await trx
      .updateTable('envelope_signers')
      .set({
        code_hash: hashCode(envelope.id, signer.id, code),
        code_expires_at: new Date(now.getTime() + codeLimits.validMs).toISOString(),
        code_attempts: 0,
        code_sends: sends,
        code_channel: channel,
        code_destination: to,
        updated_at: at,
      })
      .where('id', '=', signer.id)
      .execute();
    await queueMessage(
      trx,
      services.config,
      {
        envelopeId: envelope.id,
        signerId: signer.id,
        purpose: 'code',
        channel,
        recipient: { name: signer.name, email: signer.email, phone: signer.phone, language: signer.language },
        context: {
          documentTitle: envelope.title,
          senderCompany: envelope.sender_company,
          expiresAt: envelope.expires_at,
          code,
        },
        dedupeKey: `code:${signer.id}:${sends}`,
      },
      now,
    );
    await appendTrailEntry(
      trx,
      envelope.id,
      { kind: 'code_sent', actor: signerActor(signer), signerId: signer.id, details: { channel, to } },
      now,
    );
    return { channel, to };
  });
}
