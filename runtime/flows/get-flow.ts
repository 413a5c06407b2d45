// GET /flows/:id: the flow, its draft and what validation says about the draft now.
import { validateFlow } from '../../engine/validation/validate-flow.ts';
import type { FlowDetail } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { findFlowSummary } from './flow-summary.ts';
import { loadDraft } from './load-draft.ts';
import { loadValidationContext } from './load-validation-context.ts';

export async function getFlow(services: Pick<RuntimeServices, 'database'>, flowId: string): Promise<FlowDetail> {
  const draft = await loadDraft(services, flowId);
  const [flow, context] = await Promise.all([findFlowSummary(services, flowId), loadValidationContext(services)]);
  return { flow, draft, diagnostics: validateFlow(draft, context).diagnostics };
}
