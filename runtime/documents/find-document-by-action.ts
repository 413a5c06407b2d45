// A document is made once per intended action: rule:<runId>:<ruleName> or manual:<key>.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { type DocumentInfoRow, documentInfoColumns } from './document-info.ts';

export async function findDocumentByAction(
  db: Kysely<DatabaseSchema>,
  actionKey: string,
): Promise<DocumentInfoRow | undefined> {
  return db.selectFrom('documents').select(documentInfoColumns).where('action_key', '=', actionKey).executeTakeFirst();
}
