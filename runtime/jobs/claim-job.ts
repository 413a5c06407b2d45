// Claims the next due job with a lease. One statement per kind of due job, on both stores:
// PostgreSQL skips rows other workers hold (FOR UPDATE SKIP LOCKED); SQLite serialises writers,
// so the sub-select is safe. A running job whose lease has expired is due again (that is how a
// killed worker's job is found) and goes first; then queued jobs in run_at order, which the
// jobs_claim index (status, run_at) yields without sorting a backlog.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { Database } from '../storage/open-database.ts';
import type { JobRow } from './job-types.ts';

export interface Lease {
  workerId: string;
  leaseMs: number;
}

function expiredJob(db: Kysely<DatabaseSchema>, nowMs: number) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'running')
    .where('lock_expires_at', '<', nowMs)
    .orderBy('lock_expires_at')
    .limit(1);
}

function queuedJob(db: Kysely<DatabaseSchema>, nowMs: number) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'queued')
    .where('run_at', '<=', nowMs)
    .orderBy('run_at')
    .orderBy('id')
    .limit(1);
}

async function claimOne(
  database: Database,
  candidate: ReturnType<typeof queuedJob>,
  lease: Lease,
  now: Date,
): Promise<JobRow | undefined> {
  const next = database.dialect === 'postgres' ? candidate.forUpdate().skipLocked() : candidate;
  return database.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      locked_by: lease.workerId,
      lock_expires_at: now.getTime() + lease.leaseMs,
      attempts: eb('attempts', '+', 1),
      updated_at: now.toISOString(),
    }))
    .where('id', '=', next)
    .returningAll()
    .executeTakeFirst();
}

export async function claimJob(database: Database, lease: Lease, now: Date): Promise<JobRow | undefined> {
  const nowMs = now.getTime();
  return (
    (await claimOne(database, expiredJob(database.db, nowMs), lease, now)) ??
    (await claimOne(database, queuedJob(database.db, nowMs), lease, now))
  );
}
