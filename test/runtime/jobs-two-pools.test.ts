// Two worker pools (as two processes would) on one PostgreSQL schema: FOR UPDATE SKIP LOCKED hands
// every job to exactly one of them.
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import type { JobHandlers } from '../../runtime/jobs/job-types.ts';
import { startWorkers } from '../../runtime/jobs/start-workers.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import { dropPlace, newDatabasePlace, openPlace } from '../support/database-places.ts';
import { queueServices } from '../support/queue-services.ts';
import { waitFor } from '../support/wait-for.ts';

describe('two worker pools on one PostgreSQL schema', () => {
  const place = newDatabasePlace('postgres');
  const opened: Database[] = [];
  afterAll(async () => {
    for (const database of opened) await database.close();
    await dropPlace(place);
  });

  it('run every job exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    const first = await openPlace(place, 6);
    const second = await openPlace(place, 6);
    opened.push(first, second);
    const executions = new Map<number, string[]>();
    const handlers = (pool: 'a' | 'b', database: Database): JobHandlers => ({
      count: async (job, context) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        await database.db.transaction().execute(async (trx) => {
          executions.set(job.id, [...(executions.get(job.id) ?? []), pool]);
          await context.complete(trx);
        });
      },
    });
    const total = 300;
    for (let n = 0; n < total; n++) {
      await enqueueJob(first.db, { kind: 'count', runId: null, payload: {}, dedupeKey: `count-${n}` }, new Date());
    }
    const poolA = startWorkers(queueServices(first, 5_000, 10), handlers('a', first), { concurrency: 4 });
    const poolB = startWorkers(queueServices(second, 5_000, 10), handlers('b', second), { concurrency: 4 });
    await waitFor(() => executions.size === total, 30_000, `${total} jobs`);
    await Promise.all([poolA.stop(1_000), poolB.stop(1_000)]);
    const pools = [...executions.values()];
    expect(pools.every((ran) => ran.length === 1)).toBe(true);
    expect(pools.flat().filter((pool) => pool === 'a').length).toBeGreaterThan(0);
    expect(pools.flat().filter((pool) => pool === 'b').length).toBeGreaterThan(0);
    const done = await first.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    expect(Number(done.n)).toBe(total);
  });
});
