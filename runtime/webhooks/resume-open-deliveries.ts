// At start: every enabled subscription's open deliveries get a job again, the oldest of each
// envelope's (ordering key's) queue, since each settled delivery queues its successor. A delivery
// whose jobs all failed on the runtime's own faults (20 attempts over about an hour of a store that
// was down) would otherwise wait for an admin's redelivery: with this, a restart after the cause
// is fixed delivers it. Extra jobs are harmless: the claim lets one attempt through at a time.
import type { RuntimeServices } from '../services.ts';
import { enqueueWebhookDelivery } from './webhook-jobs.ts';

const maxQueues = 1000;

export async function resumeOpenDeliveries(services: RuntimeServices): Promise<number> {
  const { db } = services.database;
  const heads = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
    .select((eb) => [eb.fn.min('webhook_deliveries.id').as('id')])
    .where('webhook_subscriptions.enabled', '=', 1)
    .where('webhook_deliveries.status', 'in', ['pending', 'failed'])
    .groupBy(['webhook_deliveries.subscription_id', 'webhook_deliveries.ordering_key'])
    .limit(maxQueues)
    .execute();
  if (heads.length === 0) return 0;
  const now = services.now();
  const ids = heads.map((head) => Number(head.id));
  const due = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'next_attempt_at'])
    .where('id', 'in', ids)
    .execute();
  await db.transaction().execute(async (trx) => {
    for (const delivery of due) {
      const runAt = Math.max(now.getTime(), Number(delivery.next_attempt_at));
      await enqueueWebhookDelivery(trx, Number(delivery.id), `resumed:${now.getTime()}`, runAt, now);
    }
  });
  return due.length;
}
