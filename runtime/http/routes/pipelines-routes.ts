// /api/v1/pipelines: the pipelines flows are drawn on (read: admin, analyst; write: admin).
import { checkPipeline } from '../../../schemas/index.ts';
import { getPipeline } from '../../pipelines/get-pipeline.ts';
import { listPipelines } from '../../pipelines/list-pipelines.ts';
import { putPipeline } from '../../pipelines/put-pipeline.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

export const registerPipelinesRoutes: RouteModule = (router, services) => {
  router.get('/pipelines', requireRole('analyst'), async (ctx) => {
    ctx.body = await listPipelines(services);
  });
  router.get('/pipelines/:id', requireRole('analyst'), async (ctx) => {
    ctx.body = await getPipeline(services, ctx.params.id as string);
  });
  router.put('/pipelines/:id', requireRole('admin'), async (ctx) => {
    const pipeline = await readJsonBody(ctx, checkPipeline);
    ctx.body = await putPipeline(services, ctx.params.id as string, pipeline);
  });
};
