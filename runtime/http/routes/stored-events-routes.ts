// The events the runtime received, for the designer's test panel and backtest rows. They hold the
// deal's personal data (contacts), so admins and the CRM client read them, analysts do not.
import { getStoredEvent } from '../../events/get-stored-event.ts';
import { listStoredEvents } from '../../events/list-stored-events.ts';
import type { RouteModule } from '../app-types.ts';
import { queryNumber } from '../query-number.ts';
import { requireRole } from '../require-role.ts';

export const storedEventPage = { min: 1, max: 200, fallback: 50 };

export const registerStoredEventsRoutes: RouteModule = (router, services) => {
  router.get('/pipelines/:pipelineId/events', requireRole('client'), async (ctx) => {
    const before = typeof ctx.query.before === 'string' && ctx.query.before !== '' ? ctx.query.before : undefined;
    ctx.body = await listStoredEvents(services, {
      pipelineId: ctx.params.pipelineId as string,
      limit: queryNumber(ctx.query.limit, 'limit', storedEventPage),
      ...(before !== undefined ? { before } : {}),
    });
  });
  router.get('/events/:eventId', requireRole('client'), async (ctx) => {
    ctx.body = await getStoredEvent(services, ctx.params.eventId as string);
  });
};
