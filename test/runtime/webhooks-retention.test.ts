// The webhook log's retention, on both stores: events older than the retention whose deliveries
// are all settled go with their deliveries and attempts; a recent event, and an old one still
// failing somewhere, stay. The daily job prunes and queues tomorrow's run, once per day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubscription } from '../../runtime/webhooks/create-subscription.ts';
import { emitWebhookEvent } from '../../runtime/webhooks/emit-webhook-event.ts';
import {
  pruneWebhookLog,
  pruneWebhookLogJob,
  schedulePruneWebhookLog,
} from '../../runtime/webhooks/prune-webhook-log.ts';
import { dialects } from '../support/database-places.ts';
import { waitFor } from '../support/wait-for.ts';
import { runFailed, startWebhookRig, type WebhookRig, waitForQuietQueue } from './webhooks-harness.ts';

const dayMs = 86_400_000;

describe.each(dialects)('webhook log retention (%s)', (dialect) => {
  let rig: WebhookRig;

  beforeAll(async () => {
    rig = await startWebhookRig(dialect);
  });
  afterAll(() => rig?.close());

  async function emitAt(at: Date, runId: string): Promise<string> {
    const id = await rig.services.database.db
      .transaction()
      .execute((trx) =>
        emitWebhookEvent(trx, rig.services, { type: 'run.failed', data: runFailed(runId), orderingKey: runId }, at),
      );
    if (!id) throw new Error('nobody subscribed');
    return id;
  }

  const count = async (table: 'webhook_events' | 'webhook_deliveries' | 'webhook_attempts', eventId: string) => {
    const column = table === 'webhook_events' ? 'id' : 'event_id';
    const rows = await rig.services.database.db.selectFrom(table).select(column).where(column, '=', eventId).execute();
    return rows.length;
  };

  it('deletes old settled events with their log, and keeps recent and still-open ones', async () => {
    const { services, receiver } = rig;
    await createSubscription(services, { url: receiver.url, eventTypes: ['run.failed'] });
    const now = Date.now();
    const oldDelivered = await emitAt(new Date(now - 40 * dayMs), `r-old-${dialect}`);
    const oldOpen = await emitAt(new Date(now - 41 * dayMs), `r-open-${dialect}`);
    const recent = await emitAt(new Date(now - 2 * dayMs), `r-recent-${dialect}`);
    await waitFor(
      () => receiver.requests.filter((request) => request.webhookId.startsWith('msg_')).length >= 3,
      20_000,
    );
    await waitForQuietQueue(services);
    // One old event is still failing for some subscriber (its next attempt not yet due).
    await services.database.db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', next_attempt_at: now + dayMs })
      .where('event_id', '=', oldOpen)
      .execute();
    expect(await count('webhook_attempts', oldDelivered)).toBe(1);

    const pruned = await pruneWebhookLog(services.database, new Date(now - 30 * dayMs));
    expect(pruned).toBe(1);
    for (const table of ['webhook_events', 'webhook_deliveries', 'webhook_attempts'] as const) {
      expect(await count(table, oldDelivered), table).toBe(0);
      expect(await count(table, recent), table).toBeGreaterThan(0);
      expect(await count(table, oldOpen), table).toBeGreaterThan(0);
    }
    expect(await pruneWebhookLog(services.database, new Date(now - 30 * dayMs))).toBe(0);
  });

  it('runs as a daily job that queues the next day once', async () => {
    const { services } = rig;
    const today = new Date();
    await schedulePruneWebhookLog(services, today);
    await schedulePruneWebhookLog(services, today); // a second process starting the same day
    const jobs = async () =>
      services.database.db
        .selectFrom('jobs')
        .select(['dedupe_key', 'status', 'run_at'])
        .where('kind', '=', pruneWebhookLogJob)
        .orderBy('run_at')
        .execute();
    await waitFor(async () => (await jobs()).some((job) => job.status === 'done'), 20_000);
    const all = await jobs();
    expect(all).toHaveLength(2);
    expect(all[0]?.dedupe_key).toBe(`${pruneWebhookLogJob}:${today.toISOString().slice(0, 10)}`);
    expect(all[1]?.status).toBe('queued');
    expect(Number(all[1]?.run_at) - Date.now()).toBeGreaterThan(dayMs - 60_000);
  });
});
