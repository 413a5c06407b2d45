import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleEvent } from '../../test/support/examples.ts';
import { createTestServices } from '../../test/support/test-services.ts';
import type { RuntimeServices } from '../services.ts';
import { loadBacktestEvents } from './load-backtest-events.ts';

describe('loadBacktestEvents', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  const count = 2_500;

  beforeAll(async () => {
    services = await createTestServices();
    const { db } = services.database;
    const at = (index: number) => new Date(Date.UTC(2026, 10, 1) + index * 1000).toISOString();
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
    expect(all.events).toHaveLength(2_000);
    expect(all.events[0]?.eventId).toBe('e-2499');
    expect(all.events.at(-1)?.eventId).toBe('e-1');
    expect(new Set(all.events.map((event) => event.eventId)).size).toBe(2_000);
    const some = await loadBacktestEvents(services, 'sales', 1_500);
    expect(some.events.map((event) => event.eventId)).toEqual(all.events.slice(0, 1_500).map((event) => event.eventId));
  });

  it('stops at the byte budget and says so', async () => {
    const size = JSON.stringify({ ...exampleEvent('contract'), eventId: 'e-2499' }).length;
    const limited = await loadBacktestEvents(services, 'sales', 10_000, size * 10 + 1);
    expect(limited).toMatchObject({ sizeLimited: true });
    expect(limited.events).toHaveLength(10);
  });
});
