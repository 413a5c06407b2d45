// The run_actions rows: one per move-deal or call-webhook action a run planned, written with its
// job in evaluate-run's transaction, updated in the transaction that completes or gives up the job,
// and read with the run (GET /runs/:id shows how each action went).
import type { Kysely, Selectable } from 'kysely';
import type { RunAction, RunActionOutcome } from '../../schemas/index.ts';
import type { DatabaseSchema, RunActionsTable } from '../storage/database-schema.ts';

type Db = Kysely<DatabaseSchema>;

export async function readRunActions(db: Db, runIds: readonly string[]): Promise<Map<string, RunAction[]>> {
  const byRun = new Map<string, RunAction[]>();
  if (runIds.length === 0) return byRun;
  const rows = await db
    .selectFrom('run_actions')
    .selectAll()
    .where('run_id', 'in', [...runIds])
    .orderBy('created_at')
    .orderBy('action_node_id')
    .execute();
  for (const row of rows) byRun.set(row.run_id, [...(byRun.get(row.run_id) ?? []), toRunAction(row)]);
  return byRun;
}

function toRunAction(row: Selectable<RunActionsTable>): RunAction {
  return {
    kind: row.kind,
    actionNodeId: row.action_node_id,
    ruleName: row.rule_name,
    status: row.status,
    attempts: row.attempts,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as RunActionOutcome),
    lastError: row.last_error,
    updatedAt: row.updated_at,
  };
}

export async function finishRunAction(
  trx: Db,
  key: { runId: string; actionNodeId: string },
  result: { status: 'done'; outcome: RunActionOutcome } | { status: 'failed'; error: string },
  attempts: number,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('run_actions')
    .set({
      status: result.status,
      attempts,
      outcome: result.status === 'done' ? JSON.stringify(result.outcome) : null,
      last_error: result.status === 'failed' ? result.error : null,
      updated_at: now.toISOString(),
    })
    .where('run_id', '=', key.runId)
    .where('action_node_id', '=', key.actionNodeId)
    .execute();
}

/** A failed attempt that will be retried: the run shows the attempt count and the last error. */
export async function noteRunActionAttempt(
  db: Db,
  key: { runId: string; actionNodeId: string },
  attempts: number,
  error: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('run_actions')
    .set({ attempts, last_error: error, updated_at: now.toISOString() })
    .where('run_id', '=', key.runId)
    .where('action_node_id', '=', key.actionNodeId)
    .where('status', '=', 'queued')
    .execute();
}
