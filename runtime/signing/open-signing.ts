// A signer opens their link: the signer, envelope and document, or the page that says what became
// of the link. The first open of a sent link marks the signer 'viewed' (trail 'viewed'). A signer
// who already signed gets their signing back (the page says when), not a refusal.

import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import type { RuntimeServices } from '../services.ts';
import { emitSignerEvent } from '../webhooks/emit-domain-events.ts';
import { assertCanAct, loadSigning, type Signing, signerActor } from './load-signing.ts';
import { signingStep } from './signing-step.ts';

export async function openSigning(services: RuntimeServices, token: string, now: Date): Promise<Signing> {
  const signing = await loadSigning(services.database.db, token);
  if (signing.signer.status === 'signed') return signing;
  assertCanAct(signing, now);
  if (signing.signer.status !== 'sent') return signing;
  const signer = await signingStep(services, signing, now, async ({ trx, envelope, signer }) => {
    if (signer.status !== 'sent') return signer;
    const at = now.toISOString();
    await trx
      .updateTable('envelope_signers')
      .set({ status: 'viewed', viewed_at: at, updated_at: at })
      .where('id', '=', signer.id)
      .where('status', '=', 'sent')
      .execute();
    await appendTrailEntry(trx, envelope.id, { kind: 'viewed', actor: signerActor(signer), signerId: signer.id }, now);
    await emitSignerEvent(trx, services, 'signer.viewed', signer.id, now);
    return { ...signer, status: 'viewed' as const, viewed_at: at };
  });
  return { ...signing, signer };
}
