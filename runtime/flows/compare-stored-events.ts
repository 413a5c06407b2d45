// The backtest over stored events, page by page: each payload is parsed just before both versions
// evaluate it and dropped after, so the parsed events die young (no 10,000 objects promoted to the
// old heap and traced by the collector) and memory holds one page of JSON text, not every event.
// Yields to the event loop between chunks and between pages.
import type { Evaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { DealEvent } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { type Comparison, defaultChunk, EventComparison, yieldToEventLoop } from './compare-over-events.ts';
import { backtestBytesLimit, backtestPayloadPages } from './load-backtest-events.ts';

export interface StoredComparison extends Comparison {
  eventsCompared: number;
  /** True when the byte budget stopped the reading before `limit` events. */
  sizeLimited: boolean;
}

export interface StoredCompareOptions {
  pipelineId: string;
  limit: number;
  /** How many changed events to keep in full. */
  keep: number;
  bytesLimit?: number;
  /** Events evaluated between two yields to the event loop. */
  chunk?: number;
}

export async function compareStoredEvents(
  services: Pick<RuntimeServices, 'database'>,
  draft: Evaluator,
  active: Evaluator,
  options: StoredCompareOptions,
): Promise<StoredComparison> {
  const chunk = options.chunk ?? defaultChunk;
  const comparison = new EventComparison(draft, active, options.keep);
  let sizeLimited = false;
  const pages = backtestPayloadPages(
    services,
    options.pipelineId,
    options.limit,
    options.bytesLimit ?? backtestBytesLimit,
  );
  for await (const page of pages) {
    for (let at = 0; at < page.payloads.length; at++) {
      if (at > 0 && at % chunk === 0) await yieldToEventLoop();
      comparison.add(JSON.parse(page.payloads[at] as string) as DealEvent);
    }
    sizeLimited = page.sizeLimited;
  }
  return { ...comparison.result(), eventsCompared: comparison.eventsCompared, sizeLimited };
}
