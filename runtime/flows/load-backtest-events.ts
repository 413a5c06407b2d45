// The newest stored events of a pipeline, newest first, for the backtest. Events are stored as the
// CRM sent them (schema-checked at intake); the pipeline is on their run. Read a page at a time and
// bounded in bytes as well as in count: an event may be up to 1 MB, and 10,000 of those would not fit.
// The cursor is a row-value comparison, which both SQLite and PostgreSQL answer as one range of the
// runs_by_pipeline index (an OR of two conditions made each page rescan from the newest run).
import type { DealEvent } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';

export const backtestBytesLimit = 32 * 1024 * 1024;
/** Rows per query: one page reads in a few ms, so other requests wait little between pages. */
export const backtestPageSize = 2_500;

export interface BacktestEvents {
  events: DealEvent[];
  /** True when the byte budget stopped the reading before `limit` events. */
  sizeLimited: boolean;
}

export interface PayloadPage {
  /** The stored events' JSON, newest first, still unparsed: the caller parses each as it uses it. */
  payloads: string[];
  /** Set on the last page when the byte budget stopped the reading before `limit` events. */
  sizeLimited: boolean;
}

type Services = Pick<RuntimeServices, 'database'>;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Only the payload and the cursor's two columns are read; pages end at `limit` or the byte budget. */
export async function* backtestPayloadPages(
  services: Services,
  pipelineId: string,
  limit: number,
  bytesLimit = backtestBytesLimit,
): AsyncGenerator<PayloadPage> {
  let read = 0;
  let bytes = 0;
  let before: { createdAt: string; id: string } | undefined;
  while (read < limit) {
    let query = services.database.db
      .selectFrom('events')
      .innerJoin('runs', 'runs.id', 'events.run_id')
      .select(['events.payload', 'runs.created_at', 'runs.id'])
      .where('runs.pipeline_id', '=', pipelineId);
    if (before) {
      const cursor = before;
      query = query.where((eb) =>
        eb(eb.refTuple('runs.created_at', 'runs.id'), '<', eb.tuple(cursor.createdAt, cursor.id)),
      );
    }
    const rows = await query
      .orderBy('runs.created_at', 'desc')
      .orderBy('runs.id', 'desc')
      .limit(Math.min(backtestPageSize, limit - read))
      .execute();
    const payloads: string[] = [];
    for (const row of rows) {
      bytes += row.payload.length;
      if (bytes > bytesLimit) {
        yield { payloads, sizeLimited: true };
        return;
      }
      payloads.push(row.payload);
    }
    read += payloads.length;
    if (payloads.length > 0) yield { payloads, sizeLimited: false };
    const last = rows.at(-1);
    if (!last || rows.length < backtestPageSize) return;
    before = { createdAt: last.created_at, id: last.id };
    // better-sqlite3 answers synchronously, so an await alone would never let other requests in.
    await yieldToEventLoop();
  }
}

export async function loadBacktestEvents(
  services: Services,
  pipelineId: string,
  limit: number,
  bytesLimit = backtestBytesLimit,
): Promise<BacktestEvents> {
  const events: DealEvent[] = [];
  let sizeLimited = false;
  for await (const page of backtestPayloadPages(services, pipelineId, limit, bytesLimit)) {
    for (const payload of page.payloads) events.push(JSON.parse(payload) as DealEvent);
    sizeLimited = page.sizeLimited;
  }
  return { events, sizeLimited };
}
