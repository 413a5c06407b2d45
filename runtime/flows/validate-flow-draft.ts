// POST /flows/:id/validate: what validation says about the stored draft, or about a document sent
// in its place (the designer validates as you edit, before saving). Schema problems are diagnostics
// here, not a 400: the answer to "is this valid?" is the point of the call.
import type { FlowValidationResult } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { validateDraft } from './flow-detail.ts';
import { loadDraft } from './load-draft.ts';

export async function validateFlowDraft(
  services: Pick<RuntimeServices, 'database'>,
  flowId: string,
  candidate?: unknown,
): Promise<FlowValidationResult> {
  const draft = await loadDraft(services, flowId);
  return validateDraft(services, candidate === undefined ? draft : candidate);
}
