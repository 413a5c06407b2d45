// A flow's actions after a document event: one row per action a run planned (move deal, call
// webhook) with how it went, shown on the run; and the secret each flow signs its webhook calls
// with (a table of its own: created the first time an admin asks for it or a call needs it).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('run_actions')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('action_node_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_actions_pk', ['run_id', 'action_node_id'])
    .execute();
  await db.schema
    .createTable('flow_webhook_secrets')
    .addColumn('flow_id', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
