// Adds jobs inside the caller's transaction. dedupe_key is unique: enqueuing the same work twice
// (a retried handler, a redelivered event) leaves the first job as it is.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export const defaultMaxAttempts = 5;

export interface NewJob {
  kind: string;
  runId: string | null;
  payload: unknown;
  dedupeKey: string;
  maxAttempts?: number;
  /** Epoch ms; defaults to now. */
  runAt?: number;
}

/** Returns how many were added (jobs whose dedupe key existed are skipped). One statement. */
export async function enqueueJobs(db: Kysely<DatabaseSchema>, jobs: readonly NewJob[], now: Date): Promise<number> {
  if (jobs.length === 0) return 0;
  const at = now.toISOString();
  const result = await db
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        run_id: job.runId,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        status: 'queued' as const,
        attempts: 0,
        max_attempts: job.maxAttempts ?? defaultMaxAttempts,
        run_at: job.runAt ?? now.getTime(),
        locked_by: null,
        lock_expires_at: null,
        last_error: null,
        dedupe_key: job.dedupeKey,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}

/** Returns true when the job was added, false when a job with its dedupe key existed. */
export async function enqueueJob(db: Kysely<DatabaseSchema>, job: NewJob, now: Date): Promise<boolean> {
  return (await enqueueJobs(db, [job], now)) === 1;
}
