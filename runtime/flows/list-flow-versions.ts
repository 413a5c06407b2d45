// GET /flows/:id/versions: every published version, newest first, with the active one marked.
import type { FlowVersionInfo } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toFlowVersionInfo } from './flow-version-info.ts';

export async function listFlowVersions(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
): Promise<FlowVersionInfo[]> {
  const { db } = services.database;
  const flow = await db.selectFrom('flows').select('active_version').where('id', '=', flowId).executeTakeFirst();
  if (!flow) throw notFound('Flow', flowId);
  const rows = await db
    .selectFrom('flow_versions')
    .select(['flow_id', 'version', 'rule_set', 'published_at', 'message', 'published_by'])
    .where('flow_id', '=', flowId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => toFlowVersionInfo(row, flow.active_version));
}
