// GET /flows/:id/versions/:version: a published version's document and compiled rule set.
import type { Flow, FlowVersionDetail, RuleSet } from '../../schemas/index.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toFlowVersionInfo } from './flow-version-info.ts';

export async function getFlowVersion(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
  version: number,
): Promise<FlowVersionDetail> {
  const { db } = services.database;
  const flow = await db.selectFrom('flows').select('active_version').where('id', '=', flowId).executeTakeFirst();
  if (!flow) throw notFound('Flow', flowId);
  const row = await db
    .selectFrom('flow_versions')
    .select(['flow_id', 'version', 'document', 'rule_set', 'published_at', 'message', 'published_by'])
    .where('flow_id', '=', flowId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('not_found', 'VERSION_NOT_FOUND', `Flow "${flowId}" has no published version ${version}`);
  }
  return {
    ...toFlowVersionInfo(row, flow.active_version),
    document: JSON.parse(row.document) as Flow,
    ruleSet: JSON.parse(row.rule_set) as RuleSet,
  };
}
