// A run's status follows its jobs even when two of them finish at the same moment: on PostgreSQL
// the second transaction waits for the run row, then sees the first one's commit, so the run is
// completed exactly when its last job is done and no warning is lost.
import { describe, expect, it } from 'vitest';
import { claimJob } from '../../runtime/jobs/claim-job.ts';
import { completeJob } from '../../runtime/jobs/complete-job.ts';
import { enqueueJobs } from '../../runtime/jobs/enqueue-job.ts';
import type { JobRow } from '../../runtime/jobs/job-types.ts';
import { settleRun } from '../../runtime/runs/settle-run.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import { dialects, useDatabasePlace } from '../support/database-places.ts';
import { insertTestRun } from '../support/queue-services.ts';

async function twoClaimedJobs(database: Database, runId: string): Promise<[JobRow, JobRow]> {
  const jobs = ['a', 'b'].map((name) => ({ kind: 'part', runId, payload: {}, dedupeKey: `${runId}:${name}` }));
  await enqueueJobs(database.db, jobs, new Date());
  const first = await claimJob(database, { workerId: 'one', leaseMs: 60_000 }, new Date());
  const second = await claimJob(database, { workerId: 'two', leaseMs: 60_000 }, new Date());
  return [first as JobRow, second as JobRow];
}

describe.each(dialects)('run settlement on %s', (dialect) => {
  const store = useDatabasePlace(dialect);

  it('completes the run when the last of its jobs is done, and not before', async () => {
    const runId = `settle-${dialect}-sequential`;
    await insertTestRun(store.database, runId);
    const [first, second] = await twoClaimedJobs(store.database, runId);
    const finish = (job: JobRow, code: string) =>
      store.database.db.transaction().execute(async (trx) => {
        await completeJob(trx, job, new Date());
        return settleRun(trx, dialect, runId, new Date(), { warnings: [{ code, message: code }] });
      });
    expect(await finish(first, 'A')).toBe('running');
    expect(await finish(second, 'B')).toBe('completed');
    const run = await store.database.db
      .selectFrom('runs')
      .selectAll()
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(run.warnings).map((warning: { code: string }) => warning.code)).toEqual(['A', 'B']);
  });

  it.runIf(dialect === 'postgres')(
    'completes the run when its two last jobs finish in overlapping transactions',
    async () => {
      const runId = `settle-${dialect}-overlapping`;
      await insertTestRun(store.database, runId);
      const [first, second] = await twoClaimedJobs(store.database, runId);
      let releaseFirst: () => void = () => {};
      const firstMaySettle = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let secondCompleted: () => void = () => {};
      const secondHasCompleted = new Promise<void>((resolve) => {
        secondCompleted = resolve;
      });
      // T1 completes its job, waits until T2 has completed its own (uncommitted), then settles.
      const t1 = store.database.db.transaction().execute(async (trx) => {
        await completeJob(trx, first, new Date());
        await secondHasCompleted;
        const status = await settleRun(trx, dialect, runId, new Date(), { warnings: [{ code: 'A', message: 'a' }] });
        releaseFirst();
        return status;
      });
      const t2 = store.database.db.transaction().execute(async (trx) => {
        await completeJob(trx, second, new Date());
        secondCompleted();
        await firstMaySettle;
        return settleRun(trx, dialect, runId, new Date(), { warnings: [{ code: 'B', message: 'b' }] });
      });
      expect(await Promise.all([t1, t2])).toEqual(['running', 'completed']);
      const run = await store.database.db
        .selectFrom('runs')
        .selectAll()
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      expect(run.status).toBe('completed');
      expect(JSON.parse(run.warnings).map((warning: { code: string }) => warning.code)).toEqual(['A', 'B']);
    },
  );
});
