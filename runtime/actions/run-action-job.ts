// The run-action job: one attempt at a move-deal or call-webhook action. Done → the run_actions row
// says what happened and the job completes in one transaction; failed and retryable → the next
// attempt is queued on the webhook retry schedule in that same transaction; out of attempts or not
// retryable → the action and its run fail with the reason. A crash mid-attempt leaves the job to be
// claimed again (its second and last claim).
import type { RunMessage } from '../../schemas/index.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import { loadRunEvent } from '../runs/load-run-event.ts';
import { settleRun } from '../runs/settle-run.ts';
import type { RuntimeServices } from '../services.ts';
import type { ActionAttempt } from './action-attempt.ts';
import { type RunActionPayload, runActionJobFor } from './action-jobs.ts';
import { callFlowWebhook } from './call-flow-webhook.ts';
import { moveDeal } from './move-deal.ts';
import { finishRunAction, noteRunActionAttempt } from './run-action-rows.ts';

function describeDelay(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

export function runActionHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const payload = JSON.parse(job.payload) as RunActionPayload;
    const { database } = services;
    const { db, dialect } = database;
    const { action, attempt } = payload;
    const key = { runId: payload.runId, actionNodeId: action.actionNodeId };
    const row = await db
      .selectFrom('run_actions')
      .select('status')
      .where('run_id', '=', key.runId)
      .where('action_node_id', '=', key.actionNodeId)
      .executeTakeFirst();
    if (row?.status !== 'queued') return; // done or given up by an earlier job: the pool completes this one
    const { event } = await loadRunEvent(services, payload.runId);
    const result: ActionAttempt =
      action.kind === 'moveDeal'
        ? await moveDeal(services, event, action)
        : await callFlowWebhook(services, payload.runId, event, action);
    const now = services.now();
    const at = now.toISOString();
    const note = (code: string, message: string): RunMessage => ({
      code,
      message,
      ruleName: action.ruleName,
      attempt,
      at,
    });
    await db.transaction().execute(async (trx) => {
      await context.complete(trx);
      if (result.ok) {
        const outcome = result.commit ? await result.commit(trx) : result.outcome;
        await finishRunAction(trx, key, { status: 'done', outcome }, attempt, now);
        await settleRun(trx, dialect, key.runId, now, { warnings: result.warnings });
        return;
      }
      const delay = services.config.webhooks.retryScheduleMs[attempt - 1];
      if (result.retryable && delay !== undefined) {
        await enqueueJob(trx, runActionJobFor({ ...payload, attempt: attempt + 1 }, now.getTime() + delay), now);
        await noteRunActionAttempt(trx, key, attempt, `${result.code}: ${result.message}`, now);
        const retrying = `${result.message} (attempt ${attempt}; next in ${describeDelay(delay)})`;
        await settleRun(trx, dialect, key.runId, now, { warnings: [note(result.code, retrying)] });
        return;
      }
      await finishRunAction(trx, key, { status: 'failed', error: `${result.code}: ${result.message}` }, attempt, now);
      const gaveUp = `${result.message} (attempt ${attempt}; gave up)`;
      await settleRun(trx, dialect, key.runId, now, { errors: [note(result.code, gaveUp)] });
    });
  };
}
