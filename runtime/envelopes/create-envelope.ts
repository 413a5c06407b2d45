// Gives a just-made document its envelope, inside the document's own transaction: the envelope
// and its signers, the trail's first entry, and (unless the order said "send": false or a signer
// cannot be reached) the first turn's links. A crash before the commit leaves neither.
import type { Kysely } from 'kysely';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { emitDocumentCreated } from '../webhooks/emit-domain-events.ts';
import { loadEnvelope } from './load-envelope.ts';
import type { EnvelopePlan } from './plan-envelope.ts';
import { startEnvelope } from './start-envelope.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

export async function createEnvelope(
  trx: Kysely<DatabaseSchema>,
  services: RuntimeServices,
  plan: EnvelopePlan,
  actor: string,
  now: Date,
): Promise<void> {
  await trx.insertInto('envelopes').values(plan.envelope).execute();
  if (plan.signers.length > 0) await trx.insertInto('envelope_signers').values(plan.signers).execute();
  await appendTrailEntry(
    trx,
    plan.envelope.id,
    {
      kind: 'created',
      actor,
      details: {
        documentId: plan.envelope.document_id,
        originalSha256: plan.envelope.original_sha256,
        signingOrder: plan.envelope.signing_order,
        ...(plan.blockers[0] ? { draftBecause: plan.blockers[0].code } : {}),
      },
    },
    now,
  );
  await emitDocumentCreated(trx, services, plan.envelope.document_id, now);
  if (plan.sendNow) await startEnvelope(trx, services, await loadEnvelope(trx, plan.envelope.id), actor, now);
}
