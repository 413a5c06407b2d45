// POST /flows: a new flow from its draft. A pipeline has one flow, so the draft's pipeline is stored
// (created or updated) with it. Validation runs first and the writes and the answer share one
// transaction: a request that fails anywhere (a 500 included) has stored nothing.
import type { Flow, FlowCreateRequest, FlowDetail } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import { storePipeline } from '../pipelines/store-pipeline.ts';
import type { RuntimeServices } from '../services.ts';
import { flowDetail, validateDraft } from './flow-detail.ts';
import { findFlowSummary } from './flow-summary.ts';
import { placeUnpositionedFlow } from './place-unpositioned-flow.ts';
import { withinTransaction } from './within-transaction.ts';

type Services = Pick<RuntimeServices, 'database' | 'now'>;

async function findClash(services: Pick<RuntimeServices, 'database'>, draft: Flow) {
  const rows = await services.database.db
    .selectFrom('flows')
    .select(['id', 'pipeline_id'])
    .where((eb) => eb.or([eb('id', '=', draft.id), eb('pipeline_id', '=', draft.pipeline.id)]))
    .execute();
  const sameId = rows.find((row) => row.id === draft.id);
  if (sameId) {
    return conflict(
      'FLOW_EXISTS',
      `A flow with the id "${draft.id}" exists already; edit it with PUT /api/v1/flows/${draft.id}/draft or choose another id`,
      [{ pointer: '/draft/id', message: 'is taken' }],
    );
  }
  const samePipeline = rows[0];
  if (samePipeline) {
    return conflict(
      'PIPELINE_HAS_FLOW',
      `Pipeline "${draft.pipeline.id}" already has the flow "${samePipeline.id}"; a pipeline has one flow, so edit that one`,
      [{ pointer: '/draft/pipeline/id', message: `has the flow "${samePipeline.id}"` }],
    );
  }
  return undefined;
}

export async function createFlow(services: Services, request: FlowCreateRequest): Promise<FlowDetail> {
  // A big never-positioned flow is stored laid out, so the designer opens it placed.
  const draft = await placeUnpositionedFlow(request.draft);
  const at = services.now().toISOString();
  const clash = await findClash(services, draft);
  if (clash) throw clash;
  const findings = await validateDraft(services, draft);
  try {
    return await withinTransaction(services, async (trx, inTransaction) => {
      await storePipeline(trx, draft.pipeline, at);
      await trx
        .insertInto('flows')
        .values({
          id: draft.id,
          pipeline_id: draft.pipeline.id,
          name: draft.name,
          draft: JSON.stringify(draft),
          draft_updated_at: at,
          active_version: null,
          created_at: at,
        })
        .execute();
      return flowDetail(await findFlowSummary(inTransaction, draft.id), draft, findings);
    });
  } catch (error) {
    // Two creates at once: the unique keys stop the second; say why instead of failing with a 500.
    const raced = await findClash(services, draft);
    throw raced ?? error;
  }
}
