// Who published a version and why: the designer's history lists author and message. Versions
// published before this migration have neither (null).
import type { Kysely } from 'kysely';
import type { Dialect } from '../open-database.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('flow_versions').addColumn('message', 'text').execute();
  await db.schema.alterTable('flow_versions').addColumn('published_by', 'text').execute();
}
