// The heartbeat of a long job: pushes its lease forward so no other worker takes it meanwhile.
import type { Database } from '../storage/open-database.ts';
import type { JobRow } from './job-types.ts';

/** Returns false when the job is no longer this worker's (handed back, or taken after expiry). */
export async function extendLease(database: Database, job: JobRow, leaseMs: number, now: Date): Promise<boolean> {
  const result = await database.db
    .updateTable('jobs')
    .set({ lock_expires_at: now.getTime() + leaseMs, updated_at: now.toISOString() })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.locked_by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
