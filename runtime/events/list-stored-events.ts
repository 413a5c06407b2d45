// GET /pipelines/:pipelineId/events: the events the runtime received for a pipeline, newest first,
// a page at a time (?before=<eventId> of the last one seen), for the designer's test panel. A page
// also ends at 8 MB of events (an event may be 1 MB): the rest comes with the next page.
import type { StoredEventList } from '../../schemas/index.ts';
import { validationError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import { toStoredEvent } from './to-stored-event.ts';

export const storedEventPageBytes = 8 * 1024 * 1024;

export interface StoredEventQuery {
  pipelineId: string;
  limit: number;
  before?: string;
}

export async function listStoredEvents(
  services: Pick<RuntimeServices, 'database'>,
  query: StoredEventQuery,
  pageBytes = storedEventPageBytes,
): Promise<StoredEventList> {
  const { db } = services.database;
  let select = db
    .selectFrom('events')
    .innerJoin('runs', 'runs.id', 'events.run_id')
    .select(['events.payload', 'events.received_at', 'events.run_id'])
    .where('runs.pipeline_id', '=', query.pipelineId);
  if (query.before !== undefined) {
    const cursor = await db
      .selectFrom('events')
      .innerJoin('runs', 'runs.id', 'events.run_id')
      .select(['runs.created_at', 'runs.id'])
      .where('events.event_id', '=', query.before)
      .executeTakeFirst();
    if (!cursor) {
      throw validationError('CURSOR_UNKNOWN', `before: no event "${query.before}" was received`, [
        { pointer: '/before', message: 'must be the eventId of an event of the previous page' },
      ]);
    }
    select = select.where((eb) =>
      eb.or([
        eb('runs.created_at', '<', cursor.created_at),
        eb.and([eb('runs.created_at', '=', cursor.created_at), eb('runs.id', '<', cursor.id)]),
      ]),
    );
  }
  const rows = await select.orderBy('runs.created_at', 'desc').orderBy('runs.id', 'desc').limit(query.limit).execute();
  let bytes = 0;
  const fitting = rows.filter((row, at) => {
    bytes += row.payload.length;
    return at === 0 || bytes <= pageBytes;
  });
  const events = fitting.map(toStoredEvent);
  const last = events.at(-1);
  const more = events.length === query.limit || fitting.length < rows.length;
  return { events, ...(more && last ? { nextBefore: last.eventId } : {}) };
}
