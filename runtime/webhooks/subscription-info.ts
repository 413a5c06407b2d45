// A subscription row → the API's WebhookSubscription. The secret never leaves through here: it is
// shown once, by create and rotate, and nowhere else.
import type { Kysely, Selectable } from 'kysely';
import type { WebhookEventType, WebhookSubscription } from '../../schemas/index.ts';
import { notFound } from '../errors/app-error.ts';
import type { DatabaseSchema, WebhookSubscriptionsTable } from '../storage/database-schema.ts';

export type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;

/** Enough for any CRM and its integrations; each one is a query on every emitted event. */
export const maxSubscriptions = 50;

export function toSubscription(row: SubscriptionRow, previousSecretExpiresAt: string | null): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
    description: row.description,
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    secretRotatedAt: row.secret_rotated_at,
    previousSecretExpiresAt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findSubscription(db: Kysely<DatabaseSchema>, id: string): Promise<SubscriptionRow> {
  const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Webhook subscription', id);
  return row;
}

/** The latest expiry among the previous secrets still valid at `now`, or null. */
export async function previousSecretExpiry(db: Kysely<DatabaseSchema>, id: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('webhook_previous_secrets')
    .select('expires_at')
    .where('subscription_id', '=', id)
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.expires_at ?? null;
}

export async function loadSubscription(
  db: Kysely<DatabaseSchema>,
  id: string,
  now: Date,
): Promise<WebhookSubscription> {
  const row = await findSubscription(db, id);
  return toSubscription(row, await previousSecretExpiry(db, id, now));
}
