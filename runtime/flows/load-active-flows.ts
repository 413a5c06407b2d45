// The active version of every flow (or of one pipeline's flow): its document and rule set, read for
// export and for the checks that refuse to delete what an active flow uses.
import type { Flow, RuleSet } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export interface ActiveFlow {
  flowId: string;
  pipelineId: string;
  version: number;
  document: Flow;
  ruleSet: RuleSet;
}

export async function loadActiveFlows(
  services: Pick<RuntimeServices, 'database'>,
  pipelineId?: string,
): Promise<ActiveFlow[]> {
  let query = services.database.db
    .selectFrom('flows')
    .innerJoin('flow_versions', (join) =>
      join.onRef('flow_versions.flow_id', '=', 'flows.id').onRef('flow_versions.version', '=', 'flows.active_version'),
    )
    .select([
      'flows.id',
      'flows.pipeline_id',
      'flow_versions.version',
      'flow_versions.document',
      'flow_versions.rule_set',
    ])
    .orderBy('flows.id');
  if (pipelineId !== undefined) query = query.where('flows.pipeline_id', '=', pipelineId);
  const rows = await query.execute();
  return rows.map((row) => ({
    flowId: row.id,
    pipelineId: row.pipeline_id,
    version: row.version,
    document: JSON.parse(row.document) as Flow,
    ruleSet: JSON.parse(row.rule_set) as RuleSet,
  }));
}
