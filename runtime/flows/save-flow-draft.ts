// PUT /flows/:id/draft: replaces the draft. A draft may have semantic errors (they come back as
// diagnostics; publishing refuses them) but must match the schema. Its pipeline is stored too.
// Validation runs before the write and the answer is read in the write's transaction.
import type { Flow, FlowDetail } from '../../schemas/index.ts';
import { notFound, validationError } from '../errors/app-error.ts';
import { storePipeline } from '../pipelines/store-pipeline.ts';
import type { RuntimeServices } from '../services.ts';
import { flowDetail, validateDraft } from './flow-detail.ts';
import { findFlowSummary } from './flow-summary.ts';
import { placeUnpositionedFlow } from './place-unpositioned-flow.ts';
import { withinTransaction } from './within-transaction.ts';

export async function saveFlowDraft(
  services: Pick<RuntimeServices, 'database' | 'now'>,
  flowId: string,
  sent: Flow,
): Promise<FlowDetail> {
  if (sent.id !== flowId) {
    throw validationError('ID_MISMATCH', `The draft's id "${sent.id}" differs from the path's "${flowId}"`, [
      { pointer: '/id', message: `must be "${flowId}"` },
    ]);
  }
  // A big never-positioned flow is stored laid out, so the designer opens it placed.
  const draft = await placeUnpositionedFlow(sent);
  const at = services.now().toISOString();
  const findings = await validateDraft(services, draft);
  return withinTransaction(services, async (trx, inTransaction) => {
    const row = await trx.selectFrom('flows').select('pipeline_id').where('id', '=', flowId).executeTakeFirst();
    if (!row) throw notFound('Flow', flowId);
    if (row.pipeline_id !== draft.pipeline.id) {
      throw validationError(
        'PIPELINE_MISMATCH',
        `Flow "${flowId}" belongs to pipeline "${row.pipeline_id}"; a flow cannot move to "${draft.pipeline.id}" (create a new flow for that pipeline)`,
        [{ pointer: '/pipeline/id', message: `must be "${row.pipeline_id}"` }],
      );
    }
    await storePipeline(trx, draft.pipeline, at);
    await trx
      .updateTable('flows')
      .set({ name: draft.name, draft: JSON.stringify(draft), draft_updated_at: at })
      .where('id', '=', flowId)
      .execute();
    return flowDetail(await findFlowSummary(inTransaction, flowId), draft, findings);
  });
}
