// The signer agrees to sign electronically (ESIGN §101(c)-style disclosure, shown in their
// language). The version of the text they saw is kept with the time, and in the trail.
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import type { RuntimeServices } from '../services.ts';
import { type Signing, signerActor } from './load-signing.ts';
import { signingStep } from './signing-step.ts';

export const consentVersion = 'esign-consent-v1';

export async function acceptConsent(services: RuntimeServices, signing: Signing, now: Date): Promise<void> {
  await signingStep(services, signing, now, async ({ trx, envelope, signer }) => {
    if (signer.consent_at) return;
    const at = now.toISOString();
    await trx
      .updateTable('envelope_signers')
      .set({ consent_at: at, consent_version: consentVersion, updated_at: at })
      .where('id', '=', signer.id)
      .execute();
    await appendTrailEntry(
      trx,
      envelope.id,
      { kind: 'consent', actor: signerActor(signer), signerId: signer.id, details: { version: consentVersion } },
      now,
    );
  });
}
