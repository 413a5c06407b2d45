// GET /flows/:id/diff?from=&to=: which rules two published versions add, remove or change.
import type { FlowDiff } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { diffRules } from './diff-rules.ts';
import { getFlowVersion } from './get-flow-version.ts';

export async function diffFlowVersions(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
  from: number,
  to: number,
): Promise<FlowDiff> {
  const before = await getFlowVersion(services, flowId, from);
  const after = await getFlowVersion(services, flowId, to);
  return { flowId, from, to, ...diffRules(before.ruleSet.rules, after.ruleSet.rules) };
}
