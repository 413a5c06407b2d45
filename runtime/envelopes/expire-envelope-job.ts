// The expire-envelope job, scheduled at the links' expiry when the envelope is sent: an envelope
// still open then becomes expired, its links stop working, and those who had one are told. A
// scheduled job rather than a check at read time, so the CRM hears of it without asking.
import type { JobHandler } from '../jobs/job-types.ts';
import type { RuntimeServices } from '../services.ts';
import { emitEnvelopeEvent } from '../webhooks/emit-domain-events.ts';
import { isOpen } from './envelope-info.ts';
import type { EnvelopeJobPayload } from './envelope-jobs.ts';
import { lockEnvelope } from './load-envelope.ts';
import { notifySigners } from './notify-signers.ts';
import { appendTrailEntry } from './trail/append-trail-entry.ts';

export function expireEnvelopeHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const { envelopeId } = JSON.parse(job.payload) as EnvelopeJobPayload;
    const now = services.now();
    await services.database.db.transaction().execute(async (trx) => {
      const { envelope, signers } = await lockEnvelope(trx, envelopeId, now);
      const due = envelope.expires_at !== null && Date.parse(envelope.expires_at) <= now.getTime();
      if (isOpen(envelope.status) && envelope.status !== 'draft' && due) {
        await trx
          .updateTable('envelopes')
          .set({ status: 'expired', updated_at: now.toISOString() })
          .where('id', '=', envelopeId)
          .execute();
        await appendTrailEntry(
          trx,
          envelopeId,
          { kind: 'expired', actor: 'system', details: { expiresAt: envelope.expires_at } },
          now,
        );
        const unsigned = signers.filter((signer) => signer.status !== 'signed');
        await notifySigners(trx, services, envelope, unsigned, 'expired', null, now);
        await emitEnvelopeEvent(trx, services, 'envelope.expired', envelopeId, now);
      }
      await context.complete(trx);
    });
  };
}
