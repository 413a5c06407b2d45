// At start: an envelope still "sealing" whose seal job gave up (every attempt failed, e.g. while
// the disk was full for hours) gets a new seal job, so a restart after the cause is fixed finishes
// it. Together with the job's own retries, no envelope stays "sealing" for good.

import type { EnvelopeJobPayload } from '../envelopes/envelope-jobs.ts';
import { sealEnvelopeJob, sealMaxAttempts } from '../envelopes/envelope-jobs.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { RuntimeServices } from '../services.ts';

export async function resumeStalledSealing(services: RuntimeServices): Promise<number> {
  const { db } = services.database;
  const sealing = await db.selectFrom('envelopes').select('id').where('status', '=', 'sealing').limit(1000).execute();
  let resumed = 0;
  for (const { id } of sealing) {
    const open = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', sealEnvelopeJob)
      .where('status', 'in', ['queued', 'running'])
      .where('payload', '=', JSON.stringify({ envelopeId: id } satisfies EnvelopeJobPayload))
      .executeTakeFirst();
    if (open) continue;
    const now = services.now();
    const payload: EnvelopeJobPayload = { envelopeId: id };
    const added = await enqueueJob(
      db,
      {
        kind: sealEnvelopeJob,
        runId: null,
        payload,
        dedupeKey: `seal:${id}:resumed:${now.getTime()}`,
        maxAttempts: sealMaxAttempts,
      },
      now,
    );
    if (added) resumed++;
  }
  return resumed;
}
