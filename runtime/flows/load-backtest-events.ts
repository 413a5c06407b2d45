// The newest stored events of a pipeline, newest first, for the backtest. Events are stored as the
// CRM sent them (schema-checked at intake); the pipeline is on their run.
import type { DealEvent } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export async function loadBacktestEvents(
  services: Pick<RuntimeServices, 'database'>,
  pipelineId: string,
  limit: number,
): Promise<DealEvent[]> {
  const rows = await services.database.db
    .selectFrom('events')
    .innerJoin('runs', 'runs.id', 'events.run_id')
    .select('events.payload')
    .where('runs.pipeline_id', '=', pipelineId)
    .orderBy('runs.created_at', 'desc')
    .orderBy('runs.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => JSON.parse(row.payload) as DealEvent);
}
