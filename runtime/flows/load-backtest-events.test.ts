import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFlow, compileFlows } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { Flow } from '../../schemas/index.ts';
import { dialects } from '../../test/support/database-places.ts';
import { demoFlow, exampleEvent } from '../../test/support/examples.ts';
import { createTestServices } from '../../test/support/test-services.ts';
import type { RuntimeServices } from '../services.ts';
import { compareOverEvents } from './compare-over-events.ts';
import { compareStoredEvents } from './compare-stored-events.ts';
import { backtestPageSize, loadBacktestEvents } from './load-backtest-events.ts';

describe.each(dialects)('loadBacktestEvents on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  // More than two pages for "sales" (4 in 5 events), so the cursor is crossed more than once.
  const count = Math.ceil((backtestPageSize * 2.5 * 5) / 4 / 500) * 500;
  const sales = (count * 4) / 5;

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    const { db } = services.database;
    // Runs of 7 share one creation time, so pages end inside a tie: the cursor must order by id too.
    const at = (index: number) => new Date(Date.UTC(2026, 10, 1) + Math.floor(index / 7) * 1000).toISOString();
    for (let start = 0; start < count; start += 500) {
      const batch = Array.from({ length: 500 }, (_, offset) => {
        const index = start + offset;
        const event = { ...exampleEvent('contract'), eventId: `e-${index}` };
        return { index, event, runId: `run-${String(index).padStart(5, '0')}` };
      });
      await db
        .insertInto('runs')
        .values(
          batch.map(({ index, event, runId }) => ({
            id: runId,
            event_id: event.eventId,
            pipeline_id: index % 5 === 0 ? 'other' : 'sales',
            deal_id: event.deal.id,
            status: 'completed' as const,
            plan: null,
            warnings: '[]',
            errors: '[]',
            created_at: at(index),
            updated_at: at(index),
          })),
        )
        .execute();
      await db
        .insertInto('events')
        .values(
          batch.map(({ index, event, runId }) => ({
            event_id: event.eventId,
            run_id: runId,
            payload: JSON.stringify(event),
            received_at: at(index),
          })),
        )
        .execute();
    }
  });
  afterAll(async () => {
    await services?.dispose();
  });

  it("reads the pipeline's newest events across pages, newest first, up to the limit", async () => {
    const all = await loadBacktestEvents(services, 'sales', 10_000);
    expect(all.sizeLimited).toBe(false);
    expect(all.events).toHaveLength(sales);
    // Newest first, ties by run id descending: exactly the stored order reversed, none skipped.
    const expected = Array.from({ length: count }, (_, index) => count - 1 - index)
      .filter((index) => index % 5 !== 0)
      .map((index) => `e-${index}`);
    expect(all.events.map((event) => event.eventId)).toEqual(expected);
    const some = await loadBacktestEvents(services, 'sales', backtestPageSize + 1_500);
    expect(some.events.map((event) => event.eventId)).toEqual(expected.slice(0, backtestPageSize + 1_500));
  });

  it('stops at the byte budget and says so', async () => {
    const size = JSON.stringify({ ...exampleEvent('contract'), eventId: `e-${count - 1}` }).length;
    const limited = await loadBacktestEvents(services, 'sales', 10_000, size * 10 + 1);
    expect(limited).toMatchObject({ sizeLimited: true });
    expect(limited.events).toHaveLength(10);
  });

  it('compares page by page exactly as loading every event first, and lets other callbacks run between pages', async () => {
    const draft = createEvaluator(compileFlow(demoFlow() as Flow));
    const active = createEvaluator(compileFlows([]));
    const loaded = await loadBacktestEvents(services, 'sales', 10_000);
    const expected = await compareOverEvents(draft, active, loaded.events, { keep: 5 });
    expect(expected.eventsChanged).toBe(sales);
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // One chunk per page: only the yields between pages can let the ticker run (SQLite answers synchronously).
    const options = { pipelineId: 'sales', limit: 10_000, keep: 5, chunk: backtestPageSize };
    const paged = await compareStoredEvents(services, draft, active, options);
    ticking = false;
    expect(paged).toEqual({ ...expected, eventsCompared: sales, sizeLimited: false });
    expect(ticks).toBeGreaterThanOrEqual(2);
    const size = JSON.stringify({ ...exampleEvent('contract'), eventId: `e-${count - 1}` }).length;
    const limited = await compareStoredEvents(services, draft, active, { ...options, bytesLimit: size * 10 + 1 });
    expect(limited).toMatchObject({ eventsCompared: 10, eventsChanged: 10, sizeLimited: true });
  });
});
