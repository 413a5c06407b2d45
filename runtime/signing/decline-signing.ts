// The signer declines, with a reason the sender will read (required, at most 500 characters).
// Like signing, only the browser that confirmed the code may decline, and advanceEnvelope ends
// the envelope for everyone in the same transaction.
import { advanceEnvelope } from '../envelopes/advance-envelope.ts';
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import type { RuntimeServices } from '../services.ts';
import { emitSignerEvent } from '../webhooks/emit-domain-events.ts';
import { type Signing, signerActor } from './load-signing.ts';
import { SigningRefusal } from './signing-refusal.ts';
import { signingStep } from './signing-step.ts';
import { assertSession, type SignerClient } from './submit-signature.ts';

export const maxDeclineReasonLength = 500;

export async function declineSigning(
  services: RuntimeServices,
  signing: Signing,
  reasonGiven: string,
  client: SignerClient,
  now: Date,
): Promise<void> {
  const reason = reasonGiven.trim();
  if (!reason) throw new SigningRefusal('bad_request', { detail: 'reason' }, 'a reason is required');
  if (reason.length > maxDeclineReasonLength) {
    throw new SigningRefusal('bad_request', { detail: 'reason' }, 'the reason is longer than 500 characters');
  }
  await signingStep(services, signing, now, async ({ trx, envelope, signer }) => {
    assertSession(signer, client);
    const at = now.toISOString();
    await trx
      .updateTable('envelope_signers')
      .set({
        status: 'declined',
        declined_at: at,
        decline_reason: reason,
        ip: client.ip.slice(0, 100),
        user_agent: client.userAgent.slice(0, 500),
        session_hash: null,
        updated_at: at,
      })
      .where('id', '=', signer.id)
      .execute();
    await appendTrailEntry(
      trx,
      envelope.id,
      { kind: 'declined', actor: signerActor(signer), signerId: signer.id, details: { reason } },
      now,
    );
    await emitSignerEvent(trx, services, 'signer.declined', signer.id, now);
    await advanceEnvelope(trx, services, envelope.id, now);
  });
}
