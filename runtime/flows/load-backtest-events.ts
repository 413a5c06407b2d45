// The newest stored events of a pipeline, newest first, for the backtest. Events are stored as the
// CRM sent them (schema-checked at intake); the pipeline is on their run. Read a page at a time and
// bounded in bytes as well as in count: an event may be up to 1 MB, and 10,000 of those would not fit.
import type { DealEvent } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export const backtestBytesLimit = 32 * 1024 * 1024;
const pageSize = 1_000;

export interface BacktestEvents {
  events: DealEvent[];
  /** True when the byte budget stopped the reading before `limit` events. */
  sizeLimited: boolean;
}

export async function loadBacktestEvents(
  services: Pick<RuntimeServices, 'database'>,
  pipelineId: string,
  limit: number,
  bytesLimit = backtestBytesLimit,
): Promise<BacktestEvents> {
  const events: DealEvent[] = [];
  let bytes = 0;
  let before: { createdAt: string; id: string } | undefined;
  while (events.length < limit) {
    let query = services.database.db
      .selectFrom('events')
      .innerJoin('runs', 'runs.id', 'events.run_id')
      .select(['events.payload', 'runs.created_at', 'runs.id'])
      .where('runs.pipeline_id', '=', pipelineId);
    if (before) {
      const cursor = before;
      query = query.where((eb) =>
        eb.or([
          eb('runs.created_at', '<', cursor.createdAt),
          eb.and([eb('runs.created_at', '=', cursor.createdAt), eb('runs.id', '<', cursor.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('runs.created_at', 'desc')
      .orderBy('runs.id', 'desc')
      .limit(Math.min(pageSize, limit - events.length))
      .execute();
    for (const row of rows) {
      bytes += row.payload.length;
      if (bytes > bytesLimit) return { events, sizeLimited: true };
      events.push(JSON.parse(row.payload) as DealEvent);
    }
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) break;
    before = { createdAt: last.created_at, id: last.id };
  }
  return { events, sizeLimited: false };
}
