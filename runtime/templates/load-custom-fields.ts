// The custom field ids of every stored pipeline, which deal.fields.<id> placeholders may name;
// undefined while no pipeline is stored (then every field name may still come).
import type { Pipeline } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export async function loadCustomFields(services: Pick<RuntimeServices, 'database'>): Promise<string[] | undefined> {
  const rows = await services.database.db.selectFrom('pipelines').select('document').execute();
  if (rows.length === 0) return undefined;
  const fields = new Set<string>();
  for (const row of rows) {
    for (const field of (JSON.parse(row.document) as Pipeline).fields ?? []) fields.add(field.id);
  }
  return [...fields].sort();
}
