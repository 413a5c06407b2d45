// The backtest's reading of stored events as it was before pages of 2,500 on a row-value cursor:
// kept for npm run bench:backtest as the baseline the new path is measured against.
import type { RuntimeServices } from '../../runtime/services.ts';
import type { DealEvent } from '../../schemas/index.ts';

/** The previous loadBacktestEvents, kept as the baseline: an OR cursor, pages of 1,000, all parsed first. */
export async function previousLoad(services: RuntimeServices, pipelineId: string, limit: number): Promise<DealEvent[]> {
  const events: DealEvent[] = [];
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
      .limit(Math.min(1_000, limit - events.length))
      .execute();
    for (const row of rows) events.push(JSON.parse(row.payload) as DealEvent);
    const last = rows.at(-1);
    if (!last || rows.length < 1_000) break;
    before = { createdAt: last.created_at, id: last.id };
  }
  return events;
}
