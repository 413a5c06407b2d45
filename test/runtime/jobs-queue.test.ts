// The durable job queue against real SQLite and real PostgreSQL: dedupe, claim and lease, expiry
// recovery, retry with backoff, giving up, wake-up and hand-back on stop.
import { describe, expect, it } from 'vitest';
import { claimJob } from '../../runtime/jobs/claim-job.ts';
import { completeJob } from '../../runtime/jobs/complete-job.ts';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import { JobError, LeaseLostError } from '../../runtime/jobs/job-error.ts';
import type { JobHandlers } from '../../runtime/jobs/job-types.ts';
import { wakeWorkers } from '../../runtime/jobs/job-wakeup.ts';
import { startWorkers } from '../../runtime/jobs/start-workers.ts';
import type { Database } from '../../runtime/storage/open-database.ts';
import { dialects, useDatabasePlace } from '../support/database-places.ts';
import { insertTestRun, queueServices } from '../support/queue-services.ts';
import { waitFor } from '../support/wait-for.ts';

let keySequence = 0;
const key = (label: string) => `${label}:${Date.now()}:${++keySequence}`;

async function jobByKey(database: Database, dedupeKey: string) {
  return database.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirstOrThrow();
}

async function runRow(database: Database, runId: string) {
  const row = await database.db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  return { status: row.status, warnings: JSON.parse(row.warnings), errors: JSON.parse(row.errors) };
}

/** Parks every queued job so that a test sees only the jobs it enqueues itself. */
async function parkQueuedJobs(database: Database): Promise<void> {
  await database.db.updateTable('jobs').set({ status: 'done' }).where('status', '=', 'queued').execute();
}

describe.each(dialects)('job queue on %s', (dialect) => {
  const store = useDatabasePlace(dialect);

  it('enqueues a dedupe key once', async () => {
    const dedupeKey = key('dedupe');
    const job = { kind: 'noop', runId: null, payload: { n: 1 }, dedupeKey };
    expect(await enqueueJob(store.database.db, job, new Date())).toBe(true);
    expect(await enqueueJob(store.database.db, { ...job, payload: { n: 2 } }, new Date())).toBe(false);
    const rows = await store.database.db.selectFrom('jobs').selectAll().where('dedupe_key', '=', dedupeKey).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ n: 1 });
    await parkQueuedJobs(store.database);
  });

  it('claims a due job with a lease, skips held and future jobs, and reclaims an expired lease', async () => {
    const base = new Date();
    const dueKey = key('due');
    const laterKey = key('later');
    const later = base.getTime() + 60_000;
    await enqueueJob(store.database.db, { kind: 'noop', runId: null, payload: {}, dedupeKey: dueKey }, base);
    await enqueueJob(
      store.database.db,
      { kind: 'noop', runId: null, payload: {}, dedupeKey: laterKey, runAt: later },
      base,
    );

    const first = await claimJob(store.database, { workerId: 'w1', leaseMs: 1_000 }, base);
    expect(first?.dedupe_key).toBe(dueKey);
    expect(first).toMatchObject({
      status: 'running',
      locked_by: 'w1',
      attempts: 1,
      lock_expires_at: base.getTime() + 1_000,
    });
    expect(
      await claimJob(store.database, { workerId: 'w2', leaseMs: 1_000 }, new Date(base.getTime() + 500)),
    ).toBeUndefined();

    const afterExpiry = new Date(base.getTime() + 1_001);
    const second = await claimJob(store.database, { workerId: 'w2', leaseMs: 1_000 }, afterExpiry);
    expect(second).toMatchObject({ id: first!.id, locked_by: 'w2', attempts: 2 });
    await expect(completeJob(store.database.db, first!, afterExpiry)).rejects.toBeInstanceOf(LeaseLostError);
    await completeJob(store.database.db, second!, afterExpiry);
    expect((await jobByKey(store.database, dueKey)).status).toBe('done');
    await parkQueuedJobs(store.database);
  });

  it('runs enqueued jobs through the pool and completes them in the handler transaction', async () => {
    const services = queueServices(store.database);
    const seen: string[] = [];
    const handlers: JobHandlers = {
      tally: async (job, context) => {
        await store.database.db.transaction().execute(async (trx) => {
          seen.push(JSON.parse(job.payload).label);
          await context.complete(trx);
        });
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 3 });
    const keys = Array.from({ length: 20 }, (_, n) => key(`tally-${n}`));
    for (const [n, dedupeKey] of keys.entries()) {
      await enqueueJob(
        store.database.db,
        { kind: 'tally', runId: null, payload: { label: `j${n}` }, dedupeKey },
        new Date(),
      );
    }
    wakeWorkers(store.database);
    await waitFor(() => seen.length === 20, 15_000, '20 jobs');
    await pool.stop(1_000);
    expect(new Set(seen).size).toBe(20);
    for (const dedupeKey of keys) expect((await jobByKey(store.database, dedupeKey)).status).toBe('done');
  });

  it('retries a retryable failure with backoff, keeping the error and warning the run', async () => {
    const services = queueServices(store.database);
    const runId = key('run-retry');
    await insertTestRun(store.database, runId);
    const times: number[] = [];
    const handlers: JobHandlers = {
      flaky: async () => {
        times.push(Date.now());
        if (times.length === 1) throw new JobError('PDF_CONVERSION_FAILED', 'LibreOffice crashed', { retryable: true });
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 2, retryBaseMs: 300 });
    const dedupeKey = key('flaky');
    await enqueueJob(store.database.db, { kind: 'flaky', runId, payload: {}, dedupeKey }, new Date());
    wakeWorkers(store.database);
    await waitFor(async () => (await jobByKey(store.database, dedupeKey)).status === 'done', 15_000, 'the retried job');
    await pool.stop(1_000);
    expect(await jobByKey(store.database, dedupeKey)).toMatchObject({
      attempts: 2,
      last_error: 'PDF_CONVERSION_FAILED: LibreOffice crashed',
    });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(230); // 300 ms less 20% jitter
    const run = await runRow(store.database, runId);
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'PDF_CONVERSION_FAILED', attempt: 1 })]);
    expect(run.warnings[0].message).toMatch(/attempt 1 of 5; retrying in \d+ ms/);
    expect(run.status).toBe('completed');
  });

  it('gives up at once on a non-retryable failure and fails the run with the reason', async () => {
    const services = queueServices(store.database);
    const runId = key('run-fatal');
    await insertTestRun(store.database, runId);
    const handlers: JobHandlers = {
      fatal: async () => {
        throw new JobError('TEMPLATE_MISSING', 'template "gone" does not exist', { retryable: false, ruleName: 'r1' });
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 1 });
    const dedupeKey = key('fatal');
    await enqueueJob(store.database.db, { kind: 'fatal', runId, payload: {}, dedupeKey }, new Date());
    wakeWorkers(store.database);
    await waitFor(
      async () => (await jobByKey(store.database, dedupeKey)).status === 'failed',
      15_000,
      'the failed job',
    );
    await pool.stop(1_000);
    expect((await jobByKey(store.database, dedupeKey)).attempts).toBe(1);
    const run = await runRow(store.database, runId);
    expect(run.status).toBe('failed');
    expect(run.errors).toEqual([expect.objectContaining({ code: 'TEMPLATE_MISSING', ruleName: 'r1', attempt: 1 })]);
  });

  it('fails a job for good after max_attempts retryable failures', async () => {
    const services = queueServices(store.database);
    const runId = key('run-exhausted');
    await insertTestRun(store.database, runId);
    const handlers: JobHandlers = {
      broken: async () => {
        throw new Error('still broken');
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 1, retryBaseMs: 20 });
    const dedupeKey = key('broken');
    await enqueueJob(store.database.db, { kind: 'broken', runId, payload: {}, dedupeKey, maxAttempts: 3 }, new Date());
    wakeWorkers(store.database);
    await waitFor(
      async () => (await jobByKey(store.database, dedupeKey)).status === 'failed',
      15_000,
      'the exhausted job',
    );
    await pool.stop(1_000);
    expect(await jobByKey(store.database, dedupeKey)).toMatchObject({
      attempts: 3,
      last_error: 'JOB_ERROR: still broken',
    });
    const run = await runRow(store.database, runId);
    expect(run.warnings).toHaveLength(2);
    expect(run.errors).toEqual([expect.objectContaining({ code: 'JOB_ERROR', attempt: 3 })]);
    expect(run.status).toBe('failed');
  });

  it('is woken by an in-process enqueue long before the next poll', async () => {
    const services = queueServices(store.database, 5_000, 30_000);
    let ranAt = 0;
    const pool = startWorkers(
      services,
      {
        ping: async () => {
          ranAt = Date.now();
        },
      },
      { concurrency: 1 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // the worker is asleep now
    const enqueuedAt = Date.now();
    await enqueueJob(store.database.db, { kind: 'ping', runId: null, payload: {}, dedupeKey: key('ping') }, new Date());
    wakeWorkers(store.database);
    await waitFor(() => ranAt > 0, 5_000, 'the woken worker');
    await pool.stop(1_000);
    expect(ranAt - enqueuedAt).toBeLessThan(1_000);
  });

  it('keeps a long job leased with heartbeats, and hands it back on stop', async () => {
    const services = queueServices(store.database, 300, 20);
    let started = false;
    const handlers: JobHandlers = {
      slow: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 1 });
    const dedupeKey = key('slow');
    await enqueueJob(store.database.db, { kind: 'slow', runId: null, payload: {}, dedupeKey }, new Date());
    wakeWorkers(store.database);
    await waitFor(() => started, 5_000, 'the slow job to start');
    await new Promise((resolve) => setTimeout(resolve, 900)); // three leases long
    expect(await claimJob(store.database, { workerId: 'intruder', leaseMs: 300 }, new Date())).toBeUndefined();
    await pool.stop(100);
    expect(await jobByKey(store.database, dedupeKey)).toMatchObject({
      status: 'queued',
      locked_by: null,
      lock_expires_at: null,
      attempts: 0,
    });
    await parkQueuedJobs(store.database);
  });

  it('gives up on a job whose workers keep dying (claimed more than max_attempts times)', async () => {
    const services = queueServices(store.database, 100, 20);
    const runId = key('run-abandoned');
    await insertTestRun(store.database, runId);
    const dedupeKey = key('abandoned');
    await enqueueJob(store.database.db, { kind: 'never', runId, payload: {}, dedupeKey, maxAttempts: 1 }, new Date());
    // A worker claims it and dies: the job is never completed, its lease runs out.
    const dead = await claimJob(store.database, { workerId: 'dead', leaseMs: 100 }, new Date());
    expect(dead?.dedupe_key).toBe(dedupeKey);
    let handled = false;
    const handlers: JobHandlers = {
      never: async () => {
        handled = true;
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 1 });
    await waitFor(
      async () => (await jobByKey(store.database, dedupeKey)).status === 'failed',
      5_000,
      'the abandoned job',
    );
    await pool.stop(1_000);
    expect(handled).toBe(false);
    expect((await runRow(store.database, runId)).errors).toEqual([expect.objectContaining({ code: 'JOB_ABANDONED' })]);
  });
});
