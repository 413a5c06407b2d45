// GET /api/v1/runs/:id and GET /api/v1/runs?eventId=…|dealId=… (admin and client). A run carries the
// deal's personal data (contacts' names, emails and phones in the plan, the trace and the signers),
// so analysts, who read rules and versions, are refused runs.
import { validationError } from '../../errors/app-error.ts';
import { getRun } from '../../runs/get-run.ts';
import { listRuns } from '../../runs/list-runs.ts';
import type { RouteModule } from '../app-types.ts';
import { textProblem } from '../find-unsafe-json.ts';
import { requireRole } from '../require-role.ts';

function queryText(value: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === '') return undefined;
  const problem = textProblem(text) ?? (text.length > 200 ? 'is longer than 200 characters' : undefined);
  if (problem)
    throw validationError('QUERY_INVALID', `${name} ${problem}`, [{ pointer: `/${name}`, message: problem }]);
  return text;
}

export const registerRunsRoutes: RouteModule = (router, services) => {
  router.get('/runs/:id', requireRole('client'), async (ctx) => {
    ctx.body = await getRun(services, ctx.params.id as string);
  });
  router.get('/runs', requireRole('client'), async (ctx) => {
    const eventId = queryText(ctx.query.eventId, 'eventId');
    const dealId = queryText(ctx.query.dealId, 'dealId');
    ctx.body = await listRuns(services, { ...(eventId ? { eventId } : {}), ...(dealId ? { dealId } : {}) });
  });
};
