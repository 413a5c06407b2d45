// The stored pipelines, by id.
import type { Pipeline } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export async function listPipelines(services: Pick<RuntimeServices, 'database'>): Promise<Pipeline[]> {
  const rows = await services.database.db.selectFrom('pipelines').select('document').orderBy('id').execute();
  return rows.map((row) => JSON.parse(row.document) as Pipeline);
}
