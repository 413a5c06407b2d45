// POST /api/v1/flows/:id/backtest: the draft against the active version over stored events.
// Admins see the changed events; analysts the counts only.
import { type BacktestRequest, checkAgainst } from '../../../schemas/index.ts';
import { backtestFlow } from '../../flows/backtest-flow.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

// The draft may be a whole flow (5,000 nodes): the flows routes' limit.
const backtestBodyLimit = 8 * 1024 * 1024;

const checkBacktestRequest = (value: unknown) =>
  checkAgainst<BacktestRequest>('api.schema.json#/definitions/backtestRequest', value);

export const registerBacktestRoutes: RouteModule = (router, services) => {
  router.post('/flows/:id/backtest', requireRole('analyst'), async (ctx) => {
    const empty = ctx.get('content-length') === '0' || (!ctx.get('content-length') && !ctx.get('transfer-encoding'));
    const request = empty ? {} : await readJsonBody(ctx, checkBacktestRequest, backtestBodyLimit);
    const role = ctx.state.principal?.role ?? 'analyst';
    ctx.body = await backtestFlow(services, ctx.params.id as string, request, role);
  });
};
