// A job handed back at shutdown whose handler fails afterwards did not fail: the late outcome is
// logged at info as handed back, never at error as "job attempt failed", and the job stays queued.
import { describe, expect, it } from 'vitest';
import { enqueueJob } from '../../runtime/jobs/enqueue-job.ts';
import { JobError } from '../../runtime/jobs/job-error.ts';
import type { JobHandlers } from '../../runtime/jobs/job-types.ts';
import { startWorkers } from '../../runtime/jobs/start-workers.ts';
import { capturedLogger, logLevels } from '../support/captured-logger.ts';
import { dialects, useDatabasePlace } from '../support/database-places.ts';
import { queueServices } from '../support/queue-services.ts';
import { waitFor } from '../support/wait-for.ts';

describe.each(dialects)('a handed-back job on %s', (dialect) => {
  const store = useDatabasePlace(dialect);

  it('logs its late failure at info as handed back, and leaves it queued with the attempt not counted', async () => {
    const { database } = store;
    const { logger, entries } = capturedLogger();
    const services = { ...queueServices(database), logger };
    const dedupeKey = `late-failure:${Date.now()}`;
    await enqueueJob(database.db, { kind: 'slow', runId: null, payload: {}, dedupeKey }, new Date());
    let release: () => void = () => {};
    let started = false;
    const handlers: JobHandlers = {
      slow: async () => {
        started = true;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        throw new JobError('PDF_TIMEOUT', 'LibreOffice did not finish', { retryable: true });
      },
    };
    const pool = startWorkers(services, handlers, { concurrency: 1 });
    await waitFor(() => started, 10_000, 'the job to start');
    await pool.stop(50); // the grace runs out: the job is handed back while its handler still runs
    release();
    await waitFor(
      () => entries.some((entry) => /handed back/.test(entry.msg) && entry.jobId !== undefined),
      5_000,
      'the late outcome to be logged',
    );

    const late = entries.filter((entry) => entry.jobId !== undefined);
    expect(late.filter((entry) => entry.level >= logLevels.warn)).toEqual([]);
    expect(late.map((entry) => entry.msg)).not.toContain('job attempt failed');
    expect(late.find((entry) => /handed back/.test(entry.msg))?.level).toBe(logLevels.info);
    const row = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('dedupe_key', '=', dedupeKey)
      .executeTakeFirstOrThrow();
    expect({ status: row.status, attempts: row.attempts, lastError: row.last_error }).toEqual({
      status: 'queued',
      attempts: 0,
      lastError: null,
    });
  });
});
