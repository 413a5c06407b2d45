// The webhook log does not grow for ever: once a day, events older than the retention
// (config.webhooks.retentionDays, 30 by default) whose every delivery is settled (delivered or
// given up) are deleted with their deliveries and attempts, a bounded batch per transaction. An
// event still pending or failing somewhere is kept whatever its age. Event ids are time-ordered
// (msg_<time>…), so "older than" is a range on the primary key. The job queues tomorrow's run.

import { enqueueJob } from '../jobs/enqueue-job.ts';
import type { JobHandler } from '../jobs/job-types.ts';
import type { RuntimeServices } from '../services.ts';
import type { Database } from '../storage/open-database.ts';
import { newWebhookEventId } from './webhook-ids.ts';

export const pruneWebhookLogJob = 'prune-webhook-log';

const batch = 500;
const maxBatches = 200;
const dayMs = 86_400_000;

/** Deletes what the retention lets go before `cutoff`; returns how many events went. */
export async function pruneWebhookLog(database: Database, cutoff: Date): Promise<number> {
  const { db } = database;
  const before = newWebhookEventId(cutoff).slice(0, 'msg_'.length + 12); // the time part only
  let pruned = 0;
  for (let round = 0; round < maxBatches; round++) {
    const removed = await db.transaction().execute(async (trx) => {
      const events = await trx
        .selectFrom('webhook_events')
        .select('id')
        .where('id', '<', before)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('webhook_deliveries')
                .select('webhook_deliveries.id')
                .whereRef('webhook_deliveries.event_id', '=', 'webhook_events.id')
                .where('webhook_deliveries.status', 'in', ['pending', 'failed']),
            ),
          ),
        )
        .orderBy('id')
        .limit(batch)
        .execute();
      const ids = events.map((event) => event.id);
      if (ids.length === 0) return 0;
      await trx.deleteFrom('webhook_attempts').where('event_id', 'in', ids).execute();
      await trx.deleteFrom('webhook_deliveries').where('event_id', 'in', ids).execute();
      await trx.deleteFrom('webhook_events').where('id', 'in', ids).execute();
      return ids.length;
    });
    pruned += removed;
    if (removed < batch) break;
  }
  return pruned;
}

/** Today's prune, once per day whichever process asks (dedupe key per date). */
export async function schedulePruneWebhookLog(services: RuntimeServices, at: Date): Promise<void> {
  if (services.config.webhooks.retentionDays <= 0) return;
  const day = at.toISOString().slice(0, 10);
  await enqueueJob(
    services.database.db,
    {
      kind: pruneWebhookLogJob,
      runId: null,
      payload: {},
      dedupeKey: `${pruneWebhookLogJob}:${day}`,
      runAt: at.getTime(),
    },
    at,
  );
}

export function pruneWebhookLogHandler(services: RuntimeServices): JobHandler {
  return async () => {
    const now = services.now();
    const days = services.config.webhooks.retentionDays;
    if (days <= 0) return;
    const pruned = await pruneWebhookLog(services.database, new Date(now.getTime() - days * dayMs));
    if (pruned > 0) services.logger.info({ pruned, retentionDays: days }, 'old webhook events and their log deleted');
    await schedulePruneWebhookLog(services, new Date(now.getTime() + dayMs));
  };
}
