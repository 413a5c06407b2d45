// The remind-envelope job, reminderDays before expiry: signers whose turn it is and who have not
// signed get a reminder with a fresh link. Links are stored only as hashes, so the reminder
// cannot repeat the old link; the new one replaces it (the old page says a newer link was sent).
import type { JobHandler } from '../jobs/job-types.ts';
import type { RuntimeServices } from '../services.ts';
import { isOpen } from './envelope-info.ts';
import type { EnvelopeJobPayload } from './envelope-jobs.ts';
import { inviteSigner } from './invite-signers.ts';
import { lockEnvelope } from './load-envelope.ts';

const inTurn = new Set(['sent', 'viewed', 'code_confirmed']);

export function remindEnvelopeHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const { envelopeId } = JSON.parse(job.payload) as EnvelopeJobPayload;
    const now = services.now();
    await services.database.db.transaction().execute(async (trx) => {
      const { envelope, signers } = await lockEnvelope(trx, envelopeId, now);
      if (isOpen(envelope.status) && envelope.status !== 'draft') {
        for (const signer of signers) {
          if (!inTurn.has(signer.status)) continue;
          await inviteSigner(
            trx,
            services,
            envelope,
            signer,
            { purpose: 'reminder', trailKind: 'reminded', actor: 'system' },
            now,
          );
        }
      }
      await context.complete(trx);
    });
  };
}
