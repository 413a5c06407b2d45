// One attempt at one claimed job: the handler runs under a heartbeat that keeps its lease; it
// completes the job in its own transaction (or it is completed here after it returns); a throw
// becomes a retry or a final failure.
import { recordJobAttempt, secondsSince } from '../metrics/record-metrics.ts';
import { settleRun } from '../runs/settle-run.ts';
import type { RuntimeServices } from '../services.ts';
import { completeJob } from './complete-job.ts';
import { extendLease } from './extend-lease.ts';
import { failJob } from './fail-job.ts';
import { describeJobFailure, JobError, LeaseLostError } from './job-error.ts';
import type { JobHandlers, JobRow } from './job-types.ts';

export interface RunJobOptions {
  retryBaseMs: number;
  /** True once the pool stopped and gave this job back: its late outcome is nobody's failure. */
  handedBack?: () => boolean;
}

function startHeartbeat(services: RuntimeServices, job: JobRow): () => void {
  const leaseMs = services.config.jobLeaseMs;
  const timer = setInterval(
    () => {
      extendLease(services.database, job, leaseMs, services.now()).catch((error: unknown) => {
        services.logger.warn({ err: error, jobId: job.id }, 'job heartbeat failed');
      });
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

async function attempt(services: RuntimeServices, job: JobRow, handlers: JobHandlers): Promise<void> {
  // Every claim counts an attempt, so a job that kills its process each time still runs out.
  if (job.attempts > job.max_attempts) {
    throw new JobError('JOB_ABANDONED', `the worker running this job stopped ${job.max_attempts} times`, {
      retryable: false,
    });
  }
  const handler = handlers[job.kind];
  if (!handler) throw new JobError('JOB_KIND_UNKNOWN', `no handler for job kind "${job.kind}"`, { retryable: false });
  let completed = false;
  await handler(job, {
    complete: async (trx) => {
      await completeJob(trx, job, services.now());
      completed = true;
    },
  });
  if (!completed) await completeAndSettle(services, job);
}

/** For handlers that leave completion to the pool: the run's status still follows its jobs. */
async function completeAndSettle(services: RuntimeServices, job: JobRow): Promise<void> {
  const now = services.now();
  await services.database.db.transaction().execute(async (trx) => {
    await completeJob(trx, job, now);
    if (job.run_id) await settleRun(trx, services.database.dialect, job.run_id, now, {});
  });
}

export async function runJob(
  services: RuntimeServices,
  job: JobRow,
  handlers: JobHandlers,
  options: RunJobOptions,
): Promise<void> {
  const log = services.logger.child({ jobId: job.id, kind: job.kind, runId: job.run_id, attempt: job.attempts });
  const stopHeartbeat = startHeartbeat(services, job);
  const started = performance.now();
  try {
    await attempt(services, job, handlers);
    recordJobAttempt(services, job, 'done', secondsSince(started), services.now().getTime());
    log.debug('job done');
  } catch (error) {
    if (error instanceof LeaseLostError) {
      if (options.handedBack?.()) log.info('job handed back at shutdown; its late work was rolled back');
      else log.warn('job lease lost; its work was rolled back and another worker has it');
      return;
    }
    const failure = describeJobFailure(error);
    try {
      const outcome = await failJob(services.database, job, failure, options, services.now());
      if (outcome !== 'lost') recordJobAttempt(services, job, outcome, secondsSince(started), services.now().getTime());
      if (outcome === 'lost') {
        // Handed back (or its lease passed on): the job is queued for someone else, nothing failed.
        const handedBack = options.handedBack?.() ?? false;
        log[handedBack ? 'info' : 'warn'](
          { code: failure.code, outcome },
          handedBack
            ? 'job handed back at shutdown; its late outcome was dropped'
            : 'job lease lost before its failure was recorded; another worker has it',
        );
      } else {
        log[outcome === 'retry' ? 'warn' : 'error']({ code: failure.code, err: error, outcome }, 'job attempt failed');
      }
    } catch (recording) {
      // The lease will expire and the job will be claimed again: nothing is lost.
      log.error({ err: recording, code: failure.code }, 'recording a job failure failed');
    }
  } finally {
    stopHeartbeat();
  }
}
