// GET /api/v1/runs/:id and GET /api/v1/runs?eventId=…|dealId=…
import { getRun } from '../../runs/get-run.ts';
import { listRuns } from '../../runs/list-runs.ts';
import type { RouteModule } from '../app-types.ts';
import { requireRole } from '../require-role.ts';

function queryText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === '' ? undefined : text;
}

export const registerRunsRoutes: RouteModule = (router, services) => {
  router.get('/runs/:id', requireRole('client', 'analyst'), async (ctx) => {
    ctx.body = await getRun(services, ctx.params.id as string);
  });
  router.get('/runs', requireRole('client', 'analyst'), async (ctx) => {
    const eventId = queryText(ctx.query.eventId);
    const dealId = queryText(ctx.query.dealId);
    ctx.body = await listRuns(services, { ...(eventId ? { eventId } : {}), ...(dealId ? { dealId } : {}) });
  });
};
