// Runs a use case's reads and writes in one transaction: the services it is given see the
// transaction as their database, so a read after the write (the answer) fails with the write, and
// nothing is committed unless the whole answer could be made.
import type { Kysely } from 'kysely';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

type Services = Pick<RuntimeServices, 'database'>;

export function withinTransaction<T>(
  services: Services,
  work: (trx: Kysely<DatabaseSchema>, inTransaction: Services) => Promise<T>,
): Promise<T> {
  return services.database.db
    .transaction()
    .execute((trx) => work(trx, { database: { ...services.database, db: trx } }));
}
