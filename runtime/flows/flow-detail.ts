// A flow as the API answers it: its summary, the draft and what validation says about the draft.
// Validation runs before any write (create, save), so a draft validation cannot read is never stored.
import type { Flow, FlowDetail } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { boundDiagnostics } from './bound-diagnostics.ts';
import { checkFlowOffLoop } from './flow-checks.ts';
import { loadValidationContext } from './load-validation-context.ts';

export type DraftFindings = Omit<FlowDetail, 'flow' | 'draft'>;

export async function validateDraft(
  services: Pick<RuntimeServices, 'database'>,
  draft: unknown,
): Promise<DraftFindings> {
  const context = await loadValidationContext(services);
  const { diagnostics } = await checkFlowOffLoop({ kind: 'validate', document: draft, context });
  return boundDiagnostics(diagnostics);
}

export function flowDetail(flow: FlowDetail['flow'], draft: Flow, findings: DraftFindings): FlowDetail {
  return { flow, draft, ...findings };
}
