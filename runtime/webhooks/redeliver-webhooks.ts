// Manual redelivery: one event, or every event since a time (at most 1000 per call), sent to the
// subscription again with the same webhook-id (a receiver that kept it drops the duplicate) and a
// fresh retry schedule. The subscription must be enabled: a disabled one would only queue them.
import type { Kysely } from 'kysely';
import type { RedeliveryResult } from '../../schemas/index.ts';
import { conflict, notFound } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { findSubscription } from './subscription-info.ts';
import { enqueueWebhookDelivery } from './webhook-jobs.ts';

export const maxRedeliveries = 1000;

type Db = Kysely<DatabaseSchema>;

async function enabledSubscription(trx: Db, subscriptionId: string): Promise<void> {
  const subscription = await findSubscription(trx, subscriptionId);
  if (subscription.enabled !== 1)
    throw conflict(
      'WEBHOOK_SUBSCRIPTION_DISABLED',
      `Subscription ${subscriptionId} is disabled (${subscription.disabled_reason ?? 'no reason given'}): enable it first`,
    );
}

async function restart(trx: Db, deliveries: readonly { id: number; attempts: number }[], now: Date): Promise<void> {
  if (deliveries.length === 0) return;
  await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', round_attempts: 0, next_attempt_at: now.getTime(), updated_at: now.toISOString() })
    .where(
      'id',
      'in',
      deliveries.map((delivery) => delivery.id),
    )
    .execute();
  for (const delivery of deliveries)
    await enqueueWebhookDelivery(
      trx,
      delivery.id,
      `redeliver:${delivery.attempts}:${now.getTime()}`,
      now.getTime(),
      now,
    );
}

export async function redeliverEvent(
  services: RuntimeServices,
  subscriptionId: string,
  eventId: string,
): Promise<RedeliveryResult> {
  const now = services.now();
  await services.database.db.transaction().execute(async (trx) => {
    await enabledSubscription(trx, subscriptionId);
    const delivery = await trx
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempts'])
      .where('subscription_id', '=', subscriptionId)
      .where('event_id', '=', eventId)
      .executeTakeFirst();
    if (!delivery) throw notFound(`Event for subscription ${subscriptionId}`, eventId);
    await restart(trx, [delivery], now);
  });
  return { queued: 1, eventIds: [eventId], more: false };
}

export async function redeliverSince(
  services: RuntimeServices,
  subscriptionId: string,
  since: Date,
  limit: number,
): Promise<RedeliveryResult> {
  const now = services.now();
  const bounded = Math.min(Math.max(1, limit), maxRedeliveries);
  return services.database.db.transaction().execute(async (trx) => {
    await enabledSubscription(trx, subscriptionId);
    const rows = await trx
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempts', 'event_id'])
      .where('subscription_id', '=', subscriptionId)
      .where('created_at', '>=', since.toISOString())
      .orderBy('id')
      .limit(bounded + 1)
      .execute();
    const chosen = rows.slice(0, bounded);
    await restart(trx, chosen, now);
    return { queued: chosen.length, eventIds: chosen.map((row) => row.event_id), more: rows.length > bounded };
  });
}
