// POST /api/v1/events: the CRM's deal events. 202 with the new run; 200 for a redelivery.
import { checkDealEvent } from '../../../schemas/index.ts';
import { acceptDealEvent } from '../../events/accept-deal-event.ts';
import type { RouteModule } from '../app-types.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';
import { runLocation } from '../resource-location.ts';

export const registerEventsRoutes: RouteModule = (router, services) => {
  router.post('/events', requireRole('client'), async (ctx) => {
    const event = await readJsonBody(ctx, checkDealEvent);
    const accepted = await acceptDealEvent(services, event);
    ctx.status = accepted.created ? 202 : 200;
    ctx.set('location', runLocation(accepted.body.runId));
    ctx.body = accepted.body;
  });
};
