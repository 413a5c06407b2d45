// The deal as last seen in a stored event, for documents made by hand without deal data.
import type { DealEvent } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export async function findLastDealEvent(services: RuntimeServices, dealId: string): Promise<DealEvent | undefined> {
  const row = await services.database.db
    .selectFrom('runs')
    .innerJoin('events', 'events.event_id', 'runs.event_id')
    .select('events.payload')
    .where('runs.deal_id', '=', dealId)
    .orderBy('runs.created_at', 'desc')
    .orderBy('runs.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.payload) as DealEvent) : undefined;
}
