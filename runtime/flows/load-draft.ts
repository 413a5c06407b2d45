// The stored draft of a flow, or 404. Drafts are schema-checked when saved.
import type { Flow } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export async function loadDraft(services: Pick<RuntimeServices, 'database'>, flowId: string): Promise<Flow> {
  const row = await services.database.db
    .selectFrom('flows')
    .select('draft')
    .where('id', '=', flowId)
    .executeTakeFirst();
  if (!row) throw notFound('Flow', flowId);
  return JSON.parse(row.draft) as Flow;
}
