// GET /flows/:id: the flow, its draft and what validation says about the draft now.
import type { FlowDetail } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { flowDetail, validateDraft } from './flow-detail.ts';
import { findFlowSummary } from './flow-summary.ts';
import { loadDraft } from './load-draft.ts';

export async function getFlow(services: Pick<RuntimeServices, 'database'>, flowId: string): Promise<FlowDetail> {
  const draft = await loadDraft(services, flowId);
  const [flow, findings] = await Promise.all([findFlowSummary(services, flowId), validateDraft(services, draft)]);
  return flowDetail(flow, draft, findings);
}
