// A failed attempt: retried later with backoff while attempts remain and the failure is
// retryable; otherwise the job fails for good and its run gets the reason as an error.
import type { RunMessage } from '../../schemas/index.ts';
import { settleRun } from '../runs/settle-run.ts';
import type { Database } from '../storage/open-database.ts';
import type { JobFailure } from './job-error.ts';
import type { JobRow } from './job-types.ts';
import { retryDelayMs } from './retry-delay.ts';

export interface FailOptions {
  retryBaseMs: number;
}

function message(job: JobRow, failure: JobFailure, text: string, at: Date): RunMessage {
  return {
    code: failure.code,
    message: text,
    attempt: job.attempts,
    at: at.toISOString(),
    ...(failure.ruleName ? { ruleName: failure.ruleName } : {}),
  };
}

/** Returns 'retry' or 'failed'; 'lost' when the job is no longer this worker's. */
export async function failJob(
  database: Database,
  job: JobRow,
  failure: JobFailure,
  options: FailOptions,
  now: Date,
): Promise<'retry' | 'failed' | 'lost'> {
  const retry = failure.retryable && job.attempts < job.max_attempts;
  const delay = retry ? retryDelayMs(job.attempts, options.retryBaseMs) : 0;
  return database.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('jobs')
      .set({
        status: retry ? 'queued' : 'failed',
        run_at: retry ? now.getTime() + delay : job.run_at,
        locked_by: null,
        lock_expires_at: null,
        last_error: `${failure.code}: ${failure.message}`,
        updated_at: now.toISOString(),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', job.locked_by)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return 'lost';
    if (job.run_id) {
      const attempts = `attempt ${job.attempts} of ${job.max_attempts}`;
      const change = retry
        ? { warnings: [message(job, failure, `${failure.message} (${attempts}; retrying in ${delay} ms)`, now)] }
        : { errors: [message(job, failure, `${failure.message} (${attempts}; gave up)`, now)] };
      await settleRun(trx, database.dialect, job.run_id, now, change);
    }
    return retry ? 'retry' : 'failed';
  });
}
