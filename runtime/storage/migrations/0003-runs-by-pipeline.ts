// The designer reads a pipeline's newest runs and events (runs screen, stored events, backtest over
// the last 10,000): without this index SQLite scanned every run and sorted them per request.
import type { Kysely } from 'kysely';
import type { Dialect } from '../open-database.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('runs_by_pipeline').on('runs').columns(['pipeline_id', 'created_at', 'id']).execute();
}
