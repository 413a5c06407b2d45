// The signer types the code. Right and in time: 'code_confirmed' and a page session (the cookie's
// secret is returned once; the row keeps its hash), so a forwarded link alone cannot sign. Wrong:
// one attempt fewer, and the fifth wrong code locks the link until the sender sends a new one.
// A wrong answer is committed, not thrown, so the count survives.
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import type { RuntimeServices } from '../services.ts';
import { type Signing, signerActor } from './load-signing.ts';
import { codeLimits, hashCode, newSession, sameHash } from './one-time-code.ts';
import { signingStep } from './signing-step.ts';

export type ConfirmResult =
  | { outcome: 'confirmed'; sessionSecret: string }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: 'locked' }
  | { outcome: 'expired' }
  | { outcome: 'malformed' };

export async function confirmCode(
  services: RuntimeServices,
  signing: Signing,
  code: string,
  now: Date,
): Promise<ConfirmResult> {
  const typed = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(typed)) return { outcome: 'malformed' };
  return signingStep(services, signing, now, async ({ trx, envelope, signer }): Promise<ConfirmResult> => {
    const actor = signerActor(signer);
    const at = now.toISOString();
    if (!signer.code_hash || !signer.code_expires_at || Date.parse(signer.code_expires_at) <= now.getTime()) {
      return { outcome: 'expired' };
    }
    if (sameHash(hashCode(envelope.id, signer.id, typed), signer.code_hash)) {
      const session = newSession();
      await trx
        .updateTable('envelope_signers')
        .set({
          status: 'code_confirmed',
          code_confirmed_at: at,
          session_hash: session.hash,
          code_hash: null,
          code_attempts: 0,
          updated_at: at,
        })
        .where('id', '=', signer.id)
        .execute();
      await appendTrailEntry(trx, envelope.id, { kind: 'code_confirmed', actor, signerId: signer.id }, now);
      return { outcome: 'confirmed', sessionSecret: session.secret };
    }
    const attempts = signer.code_attempts + 1;
    const attemptsLeft = Math.max(0, codeLimits.maxAttempts - attempts);
    const locked = attemptsLeft === 0;
    await trx
      .updateTable('envelope_signers')
      .set({
        code_attempts: attempts,
        code_locked: locked ? 1 : 0,
        ...(locked ? { code_hash: null } : {}),
        updated_at: at,
      })
      .where('id', '=', signer.id)
      .execute();
    await appendTrailEntry(
      trx,
      envelope.id,
      { kind: 'code_failed', actor, signerId: signer.id, details: { attemptsLeft } },
      now,
    );
    if (!locked) return { outcome: 'wrong', attemptsLeft };
    await appendTrailEntry(trx, envelope.id, { kind: 'code_locked', actor, signerId: signer.id }, now);
    return { outcome: 'locked' };
  });
}
