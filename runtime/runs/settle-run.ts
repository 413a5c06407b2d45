// The one place a run's state changes: plan, warnings and errors are merged in and the status
// follows from the run's open jobs. Call it last in the transaction that completed or failed a
// job: the row lock (PostgreSQL) makes two jobs finishing at once see each other's commits, so
// the last one to finish is the one that completes the run.
import type { Kysely } from 'kysely';
import type { ActionPlan, RunMessage, RunStatus } from '../../schemas/index.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { Dialect } from '../storage/open-database.ts';
import { emitRunFailed } from '../webhooks/emit-domain-events.ts';

export interface RunChange {
  plan?: ActionPlan;
  warnings?: RunMessage[];
  errors?: RunMessage[];
}

async function lockRun(db: Kysely<DatabaseSchema>, dialect: Dialect, runId: string) {
  let query = db.selectFrom('runs').select(['status', 'plan', 'warnings', 'errors']).where('id', '=', runId);
  if (dialect === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

async function countOpenJobs(db: Kysely<DatabaseSchema>, runId: string): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('open'))
    .where('run_id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.open);
}

export async function settleRun(
  db: Kysely<DatabaseSchema>,
  dialect: Dialect,
  runId: string,
  now: Date,
  change: RunChange,
): Promise<RunStatus | undefined> {
  const run = await lockRun(db, dialect, runId);
  if (!run) return undefined;
  const warnings = [...(JSON.parse(run.warnings) as RunMessage[]), ...(change.warnings ?? [])];
  const errors = [...(JSON.parse(run.errors) as RunMessage[]), ...(change.errors ?? [])];
  const open = await countOpenJobs(db, runId);
  let status: RunStatus = run.status;
  if (open === 0) status = errors.length > 0 ? 'failed' : 'completed';
  else if (change.plan) status = 'running';
  await db
    .updateTable('runs')
    .set({
      status,
      warnings: JSON.stringify(warnings),
      errors: JSON.stringify(errors),
      updated_at: now.toISOString(),
      ...(change.plan ? { plan: JSON.stringify(change.plan) } : {}),
    })
    .where('id', '=', runId)
    .execute();
  if (status === 'failed' && run.status !== 'failed') await emitRunFailed(db, runId, now);
  return status;
}
