// Lookups of the event → run → document path that would otherwise scan whole tables: a run's open
// jobs (checked each time a job of the run finishes), and runs and documents by deal.
import type { Kysely } from 'kysely';
import type { Dialect } from '../open-database.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('jobs_by_run').on('jobs').columns(['run_id', 'status']).execute();
  await db.schema.createIndex('runs_by_deal').on('runs').columns(['deal_id', 'created_at']).execute();
  await db.schema.createIndex('documents_by_deal').on('documents').columns(['deal_id', 'created_at']).execute();
}
