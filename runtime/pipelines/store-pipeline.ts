// Stores a pipeline (created or replaced). Takes a query executor so that saving a flow can store
// its pipeline in the same transaction.
import type { Kysely } from 'kysely';
import type { Pipeline } from '../../schemas/index.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export async function storePipeline(db: Kysely<DatabaseSchema>, pipeline: Pipeline, at: string): Promise<void> {
  const row = { id: pipeline.id, name: pipeline.name, document: JSON.stringify(pipeline), updated_at: at };
  await db
    .insertInto('pipelines')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('id').doUpdateSet({ name: row.name, document: row.document, updated_at: row.updated_at }),
    )
    .execute();
}
