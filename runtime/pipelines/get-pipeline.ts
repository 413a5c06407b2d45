// One stored pipeline, or 404.
import type { Pipeline } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

export async function getPipeline(services: Pick<RuntimeServices, 'database'>, pipelineId: string): Promise<Pipeline> {
  const row = await services.database.db
    .selectFrom('pipelines')
    .select('document')
    .where('id', '=', pipelineId)
    .executeTakeFirst();
  if (!row) throw notFound('Pipeline', pipelineId);
  return JSON.parse(row.document) as Pipeline;
}
