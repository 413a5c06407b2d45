// The one way the runtime says "this happened" to webhook subscribers: inside the CALLER's
// transaction, the event row (its body as it will be signed) and one delivery + durable job per
// enabled subscription that wants the type. The state change and its webhooks commit together
// or not at all (an outbox), so a crash between them loses nothing. With no subscriber for the
// type it is one query on an indexed column and nothing is written.
import type { Kysely } from 'kysely';
import type { WebhookEventDataMap, WebhookEventType } from '../../schemas/index.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { newWebhookEventId } from './webhook-ids.ts';
import { enqueueWebhookDelivery } from './webhook-jobs.ts';

export type { WebhookEventDataMap, WebhookEventType } from '../../schemas/index.ts';

/** The data schemas' version (schemas/webhook-event.schema.json): bumped only by a breaking change. */
export const webhookEventVersion = 1;

export interface WebhookEventInput<T extends WebhookEventType> {
  type: T;
  /** The data, or a function that reads it: called only when someone subscribed to the type. */
  data: WebhookEventDataMap[T] | (() => Promise<WebhookEventDataMap[T]>);
  /**
   * Deliveries with the same key reach a subscription in the order they were emitted (e.g. the
   * envelope id); a function is called only when someone subscribed.
   */
  orderingKey: string | (() => Promise<string>);
}

/** The ids of enabled subscriptions that want `type`. */
export async function subscribersOf(trx: Kysely<DatabaseSchema>, type: WebhookEventType): Promise<string[]> {
  const rows = await trx
    .selectFrom('webhook_subscriptions')
    .select(['id', 'event_types'])
    .where('enabled', '=', 1)
    .execute();
  return rows.filter((row) => (JSON.parse(row.event_types) as string[]).includes(type)).map((row) => row.id);
}

/** The event's id (the webhook-id header), or undefined when nobody subscribed to its type. */
export async function emitWebhookEvent<T extends WebhookEventType>(
  trx: Kysely<DatabaseSchema>,
  /** Read by nothing today; part of the signature so that callers need not change when it is. */
  _services: unknown,
  event: WebhookEventInput<T>,
  now: Date,
): Promise<string | undefined> {
  const subscribers = await subscribersOf(trx, event.type);
  if (subscribers.length === 0) return undefined;
  const data = typeof event.data === 'function' ? await event.data() : event.data;
  const orderingKey = typeof event.orderingKey === 'function' ? await event.orderingKey() : event.orderingKey;
  const id = newWebhookEventId(now);
  const at = now.toISOString();
  const body = JSON.stringify({ version: webhookEventVersion, type: event.type, timestamp: at, data });
  await trx
    .insertInto('webhook_events')
    .values({ id, type: event.type, body, ordering_key: orderingKey, created_at: at })
    .execute();
  const deliveries = await trx
    .insertInto('webhook_deliveries')
    .values(
      subscribers.map((subscriptionId) => ({
        event_id: id,
        subscription_id: subscriptionId,
        ordering_key: orderingKey,
        status: 'pending' as const,
        next_attempt_at: now.getTime(),
        claimed_by: null,
        claimed_until: null,
        last_error: null,
        delivered_at: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .returning('id')
    .execute();
  for (const delivery of deliveries) await enqueueWebhookDelivery(trx, delivery.id, 'first', now.getTime(), now);
  return id;
}
