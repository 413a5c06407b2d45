// GET /api/v1/runs/:id and GET /api/v1/runs (filters: read-run-filter.ts), admin and client. A run
// carries the deal's personal data (contacts' names, emails and phones in the plan, the trace and the signers),
// so analysts, who read rules and versions, are refused runs.
import { getRun } from '../../runs/get-run.ts';
import { listRuns } from '../../runs/list-runs.ts';
import type { RouteModule } from '../app-types.ts';
import { readRunFilter } from '../read-run-filter.ts';
import { requireRole } from '../require-role.ts';

export const registerRunsRoutes: RouteModule = (router, services) => {
  router.get('/runs/:id', requireRole('client'), async (ctx) => {
    ctx.body = await getRun(services, ctx.params.id as string);
  });
  router.get('/runs', requireRole('client'), async (ctx) => {
    const { filter, limit } = await readRunFilter(services, ctx.query);
    ctx.body = await listRuns(services, filter, limit);
  });
};
