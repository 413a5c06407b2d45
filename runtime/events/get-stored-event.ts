// GET /events/:eventId: one received event as stored, with its run.
import type { StoredEvent } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toStoredEvent } from './to-stored-event.ts';

export async function getStoredEvent(
  services: Pick<RuntimeServices, 'database'>,
  eventId: string,
): Promise<StoredEvent> {
  const row = await services.database.db
    .selectFrom('events')
    .select(['payload', 'received_at', 'run_id'])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw notFound('Event', eventId);
  return toStoredEvent(row);
}
