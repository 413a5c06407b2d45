// The jobs of a run's move-deal and call-webhook actions. evaluate-run queues one per planned
// action (dedupe key per run and action node: once per document event) with its run_actions row;
// a failed attempt queues the next one itself, on the webhook retry schedule (config.webhooks:
// ≥ 24 h in all), so the run stays "running" and shows each attempt until the action is done or
// given up.
import type { Kysely } from 'kysely';
import type { ActionPlan, PlannedCallWebhook, PlannedMoveDeal } from '../../schemas/index.ts';
import { enqueueJob, type NewJob } from '../jobs/enqueue-job.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';

export const runActionJob = 'run-action';

export type PlannedFlowAction = PlannedMoveDeal | PlannedCallWebhook;

export interface RunActionPayload {
  runId: string;
  action: PlannedFlowAction;
  /** 1 for the first attempt; each retry is a new job with the next number. */
  attempt: number;
}

export function flowActionsOf(plan: ActionPlan): PlannedFlowAction[] {
  const seen = new Set<string>();
  return plan.actions.filter((action): action is PlannedFlowAction => {
    if (action.kind !== 'moveDeal' && action.kind !== 'callWebhook') return false;
    if (seen.has(action.actionNodeId)) return false;
    seen.add(action.actionNodeId);
    return true;
  });
}

export function runActionJobFor(payload: RunActionPayload, runAt?: number): NewJob {
  return {
    kind: runActionJob,
    runId: payload.runId,
    payload,
    dedupeKey: `act:${payload.runId}:${payload.action.actionNodeId}:${payload.attempt}`,
    // One claim per job: a retry is the next job, so a crash mid-call is reclaimed once more at most.
    maxAttempts: 2,
    ...(runAt === undefined ? {} : { runAt }),
  };
}

/** In evaluate-run's transaction: the rows the run shows and the first attempt of each action. */
export async function queueFlowActions(
  trx: Kysely<DatabaseSchema>,
  runId: string,
  plan: ActionPlan,
  now: Date,
): Promise<number> {
  const actions = flowActionsOf(plan);
  if (actions.length === 0) return 0;
  const at = now.toISOString();
  await trx
    .insertInto('run_actions')
    .values(
      actions.map((action) => ({
        run_id: runId,
        action_node_id: action.actionNodeId,
        kind: action.kind,
        rule_name: action.ruleName,
        status: 'queued' as const,
        attempts: 0,
        outcome: null,
        last_error: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['run_id', 'action_node_id']).doNothing())
    .execute();
  for (const action of actions) await enqueueJob(trx, runActionJobFor({ runId, action, attempt: 1 }), now);
  return actions.length;
}
