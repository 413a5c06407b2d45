// The evaluate-run job: the pipeline's active rule set decides what the event calls for. The plan
// (with its trace) is stored on the run, and one make-document job per planned document (and one
// run-action job per move-deal or call-webhook action) is enqueued in the same transaction, so a
// crash leaves either nothing or all of it.

import { RuleSetError } from '../../engine/evaluate/create-evaluator.ts';
import type { ActionPlan, DealEvent, PlannedSendDocument, RunMessage } from '../../schemas/index.ts';
import { queueFlowActions } from '../actions/action-jobs.ts';
import { loadActiveRuleSet } from '../flows/load-active-rule-set.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { JobError } from '../jobs/job-error.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import { wakeWorkers } from '../jobs/job-wakeup.ts';
import type { RuntimeServices } from '../services.ts';
import type { Database } from '../storage/open-database.ts';
import { type CompiledFlowVersion, compiledFlowVersion } from './evaluator-cache.ts';
import { loadRunEvent } from './load-run-event.ts';
import type { MakeDocumentPayload } from './make-document-payload.ts';
import { settleRun } from './settle-run.ts';

export const makeDocumentJob = 'make-document';

function documentJobs(runId: string, plan: ActionPlan, compiled: CompiledFlowVersion) {
  const sends = plan.actions.filter((action): action is PlannedSendDocument => action.kind === 'sendDocument');
  return sends.map((action) => {
    const settings = compiled.documentSettings.get(action.ruleName);
    if (!settings) {
      throw new JobError('RULE_SET_INVALID', `rule "${action.ruleName}" has no sendDocument settings`, {
        retryable: false,
      });
    }
    const payload: MakeDocumentPayload = { runId, ruleName: action.ruleName, settings, signers: action.signers };
    return { kind: makeDocumentJob, runId, payload, dedupeKey: `doc:${runId}:${action.ruleName}` };
  });
}

function planWarnings(plan: ActionPlan, at: string): RunMessage[] {
  return plan.warnings.map((warning) => ({
    code: warning.code,
    message: warning.message,
    ruleName: warning.ruleName,
    at,
  }));
}

type ActiveRuleSet = NonNullable<Awaited<ReturnType<typeof loadActiveRuleSet>>>;

function evaluateEvent(database: Database, active: ActiveRuleSet, event: DealEvent) {
  try {
    const compiled = compiledFlowVersion(database, active.flowId, active.version, active.ruleSet);
    return { compiled, plan: compiled.evaluator.evaluate(event, { trace: true }) };
  } catch (error) {
    if (error instanceof RuleSetError) {
      throw new JobError('RULE_SET_INVALID', `the active rule set cannot be evaluated: ${error.message}`, {
        retryable: false,
      });
    }
    throw error;
  }
}

export function evaluateRunHandler(services: RuntimeServices): JobHandler {
  return async (job, context) => {
    const { runId } = JSON.parse(job.payload) as { runId: string };
    const { run, event } = await loadRunEvent(services, runId);
    const { database } = services;
    const now = services.now();
    if (run.status !== 'accepted') return; // evaluated before: the pool completes the job
    const active = await loadActiveRuleSet(services, run.pipeline_id);
    if (!active) {
      const warning = {
        code: 'NO_ACTIVE_FLOW',
        message: `pipeline "${run.pipeline_id}" has no published flow: nothing to do for this event`,
        at: now.toISOString(),
      };
      await database.db.transaction().execute(async (trx) => {
        await context.complete(trx);
        await settleRun(trx, database.dialect, runId, now, { warnings: [warning] });
      });
      return;
    }
    const { compiled, plan } = evaluateEvent(database, active, event);
    const jobs = documentJobs(runId, plan, compiled);
    let actions = 0;
    await database.db.transaction().execute(async (trx) => {
      for (const next of jobs) await enqueueJob(trx, next, now);
      actions = await queueFlowActions(trx, runId, plan, now);
      await context.complete(trx);
      await settleRun(trx, database.dialect, runId, now, { plan, warnings: planWarnings(plan, now.toISOString()) });
    });
    if (jobs.length + actions > 0) wakeWorkers(database);
  };
}
