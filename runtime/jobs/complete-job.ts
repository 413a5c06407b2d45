// Marks a job done inside the transaction that made its effects. The lease check makes the whole
// transaction roll back when the job has meanwhile passed to another worker, so its work is
// committed by exactly one of them.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { LeaseLostError } from './job-error.ts';
import type { JobRow } from './job-types.ts';

export async function completeJob(db: Kysely<DatabaseSchema>, job: JobRow, now: Date): Promise<void> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, lock_expires_at: null, updated_at: now.toISOString() })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new LeaseLostError(job.id);
}
