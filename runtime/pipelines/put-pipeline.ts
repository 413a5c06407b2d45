// PUT /pipelines/:id: stores the pipeline and, when a flow is drawn on it, puts the same pipeline
// into the flow's draft, so the designer and event intake never see two versions of its stages.
import type { Flow, Pipeline } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { storePipeline } from './store-pipeline.ts';

export async function putPipeline(
  services: Pick<RuntimeServices, 'database' | 'now'>,
  pipelineId: string,
  pipeline: Pipeline,
): Promise<Pipeline> {
  if (pipeline.id !== pipelineId) {
    throw validationError('ID_MISMATCH', `The body's id "${pipeline.id}" differs from the path's "${pipelineId}"`, [
      { pointer: '/id', message: `must be "${pipelineId}"` },
    ]);
  }
  const at = services.now().toISOString();
  await services.database.db.transaction().execute(async (trx) => {
    await storePipeline(trx, pipeline, at);
    const flow = await trx
      .selectFrom('flows')
      .select(['id', 'draft'])
      .where('pipeline_id', '=', pipelineId)
      .executeTakeFirst();
    if (!flow) return;
    const draft: Flow = { ...(JSON.parse(flow.draft) as Flow), pipeline };
    await trx
      .updateTable('flows')
      .set({ draft: JSON.stringify(draft), draft_updated_at: at })
      .where('id', '=', flow.id)
      .execute();
  });
  return pipeline;
}
