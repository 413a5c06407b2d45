// Applies pending migrations in order, each in its own transaction. On PostgreSQL an advisory
// lock keeps several processes starting at once from migrating twice.
import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';
import * as initial from './migrations/0001-initial.ts';
import * as runAndDocumentLookups from './migrations/0002-run-and-document-lookups.ts';
import * as runsByPipeline from './migrations/0003-runs-by-pipeline.ts';
import * as versionMessage from './migrations/0004-version-message.ts';
import * as envelopes from './migrations/0005-envelopes.ts';
import * as webhooks from './migrations/0006-webhooks.ts';
import * as crm from './migrations/0007-crm.ts';
import * as flowActions from './migrations/0008-flow-actions.ts';
import type { Dialect } from './open-database.ts';

interface Migration {
  id: string;
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

const migrations: readonly Migration[] = [
  { id: '0001-initial', up: initial.up },
  { id: '0002-run-and-document-lookups', up: runAndDocumentLookups.up },
  { id: '0003-runs-by-pipeline', up: runsByPipeline.up },
  { id: '0004-version-message', up: versionMessage.up },
  { id: '0005-envelopes', up: envelopes.up },
  { id: '0006-webhooks', up: webhooks.up },
  { id: '0007-crm', up: crm.up },
  { id: '0008-flow-actions', up: flowActions.up },
];
const advisoryLockKey = 7_291_604;

export async function migrate(db: Kysely<DatabaseSchema>, dialect: Dialect): Promise<string[]> {
  const untyped = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  return untyped.connection().execute(async (connection) => {
    if (dialect === 'postgres') await sql`select pg_advisory_lock(${advisoryLockKey})`.execute(connection);
    try {
      await connection.schema
        .createTable('schema_migrations')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      const done = new Set(
        (await connection.selectFrom('schema_migrations').select('id').execute()).map((row) => String(row.id)),
      );
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.id)) continue;
        await connection.transaction().execute(async (trx) => {
          await migration.up(trx as unknown as Kysely<unknown>, dialect);
          await trx
            .insertInto('schema_migrations')
            .values({ id: migration.id, applied_at: new Date().toISOString() })
            .execute();
        });
        applied.push(migration.id);
      }
      return applied;
    } finally {
      if (dialect === 'postgres') await sql`select pg_advisory_unlock(${advisoryLockKey})`.execute(connection);
    }
  });
}
