// The CRM connector's memory of each deal: the stage it was last seen in (so that only a real stage
// change becomes a deal event, with previousStageId) and how many changes were turned into events
// (each event's id counts them, so a redelivered webhook can never make a second run).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('crm_deals')
    .addColumn('connector', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('pipeline_id', 'text')
    .addColumn('stage_id', 'text')
    .addColumn('crm_stage_id', 'text')
    .addColumn('crm_modified_at', 'text')
    .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crm_deals_pk', ['connector', 'deal_id'])
    .execute();
}
