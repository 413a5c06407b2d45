// The seal-envelope job, queued when the last signer signs: the final PDF (signatures in place,
// page stripe, certificate of completion) sealed with the instance's key, then in ONE
// transaction the envelope completed, the trail's sealed/completed entries, the final PDF queued
// to every party and the job done. A crash before that commit leaves the envelope "sealing" with
// its job to be re-run from the start: sealing is a function of stored rows, so the rerun makes
// the same document again and nothing was half-written. The status check makes a rerun after the
// commit do nothing, so each party gets exactly one completion message (dedupe keys, too).
import { createHash } from 'node:crypto';
import type { SignatureMark } from '../../schemas/index.ts';
import { raiseDocumentEvent } from '../actions/raise-document-event.ts';
import { maskDestination } from '../delivery/mask-destination.ts';
import { queueMessage } from '../delivery/queue-message.ts';
import type { EnvelopeJobPayload } from '../envelopes/envelope-jobs.ts';
import { loadEnvelope, lockEnvelope } from '../envelopes/load-envelope.ts';
import { verifyLink } from '../envelopes/signing-link.ts';
import { appendTrailEntry } from '../envelopes/trail/append-trail-entry.ts';
import { JobError } from '../jobs/job-error.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import { loadSealIdentity } from '../sealing/seal-identity.ts';
import { sealPreparedPdf } from '../sealing/seal-pdf.ts';
import { sealReason } from '../sealing/seal-reason.ts';
import type { RuntimeServices } from '../services.ts';
import { emitEnvelopeEvent } from '../webhooks/emit-domain-events.ts';
import { composeFinalPdf, type FinalSigner } from './compose-final-pdf.ts';

async function buildFinalPdf(services: RuntimeServices, envelopeId: string, completedAt: Date): Promise<Uint8Array> {
  const { db } = services.database;
  const { envelope, signers } = await loadEnvelope(db, envelopeId);
  const document = await db
    .selectFrom('documents')
    .select(['pdf', 'marks'])
    .where('id', '=', envelope.document_id)
    .executeTakeFirstOrThrow();
  const finalSigners: FinalSigner[] = signers.map((signer) => {
    if (!signer.signature_png || !signer.signed_at) {
      throw new JobError('ENVELOPE_NOT_SIGNED', `signer ${signer.id} has not signed`, { retryable: false });
    }
    return {
      name: signer.name,
      side: signer.side,
      partyIndex: signer.party_index,
      codeDestination: signer.code_destination ? maskDestination(signer.code_destination) : null,
      consentAt: signer.consent_at,
      codeConfirmedAt: signer.code_confirmed_at,
      signedAt: signer.signed_at,
      ip: signer.ip,
      userAgent: signer.user_agent,
      signaturePng: signer.signature_png,
      stampPng: signer.stamp_png,
      fields: JSON.parse(signer.fields) as Record<string, string>,
      signatureMethod: signer.signature_method ?? 'typed',
    };
  });
  const composed = await composeFinalPdf({
    originalPdf: document.pdf,
    marks: JSON.parse(document.marks) as SignatureMark[],
    signers: finalSigners,
    envelopeId,
    documentId: envelope.document_id,
    title: envelope.title,
    senderCompany: envelope.sender_company,
    originalSha256: envelope.original_sha256,
    completedAt: completedAt.toISOString(),
    verifyUrl: verifyLink(services.config, envelopeId),
    language: envelope.language,
    seal: {
      reason: sealReason(envelopeId),
      name: envelope.sender_company,
      location: services.config.publicUrl,
      contactInfo: envelope.sender_company,
      signingTime: completedAt,
    },
  });
  return sealPreparedPdf(composed, await loadSealIdentity(services));
}

export function sealEnvelopeHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const { envelopeId } = JSON.parse(job.payload) as EnvelopeJobPayload;
    const { db } = services.database;
    const current = await db.selectFrom('envelopes').select('status').where('id', '=', envelopeId).executeTakeFirst();
    if (current?.status !== 'sealing') {
      // Completed by an earlier run of this job (a crash after its commit), or gone: nothing to do.
      await db.transaction().execute((trx) => context.complete(trx));
      return;
    }
    const completedAt = services.now();
    const finalPdf = await buildFinalPdf(services, envelopeId, completedAt);
    const finalSha256 = createHash('sha256').update(finalPdf).digest('hex');
    await db.transaction().execute(async (trx) => {
      const { envelope, signers } = await lockEnvelope(trx, envelopeId, completedAt);
      if (envelope.status !== 'sealing') return context.complete(trx);
      const at = completedAt.toISOString();
      await trx
        .updateTable('envelopes')
        .set({ status: 'completed', final_pdf: finalPdf, final_sha256: finalSha256, sealed_at: at, completed_at: at })
        .where('id', '=', envelopeId)
        .execute();
      await appendTrailEntry(
        trx,
        envelopeId,
        { kind: 'sealed', actor: 'system', details: { finalSha256 } },
        completedAt,
      );
      await appendTrailEntry(trx, envelopeId, { kind: 'completed', actor: 'system' }, completedAt);
      await emitEnvelopeEvent(trx, services, 'envelope.completed', envelopeId, completedAt);
      await raiseDocumentEvent(trx, envelopeId, 'completed', completedAt);
      for (const signer of signers) {
        if (!signer.email && !signer.phone) continue;
        await queueMessage(
          trx,
          services.config,
          {
            envelopeId,
            signerId: signer.id,
            purpose: 'completed',
            recipient: { name: signer.name, email: signer.email, phone: signer.phone, language: signer.language },
            context: {
              documentTitle: envelope.title,
              senderCompany: envelope.sender_company,
              expiresAt: null,
              finalPdfLink: verifyLink(services.config, envelopeId),
            },
            attachFinalPdf: true,
            dedupeKey: `completed:${envelopeId}:${signer.id}`,
          },
          completedAt,
        );
      }
      await context.complete(trx);
    });
  };
}
