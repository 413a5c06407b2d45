// GET /webhooks/subscriptions: every subscription (at most maxSubscriptions exist), oldest first.
import type { WebhookSubscriptionList } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { toSubscription } from './subscription-info.ts';

export async function listSubscriptions(services: RuntimeServices): Promise<WebhookSubscriptionList> {
  const now = services.now().toISOString();
  const { db } = services.database;
  const rows = await db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
  const previous = await db
    .selectFrom('webhook_previous_secrets')
    .select(['subscription_id', 'expires_at'])
    .where('expires_at', '>', now)
    .execute();
  const latest = new Map<string, string>();
  for (const secret of previous) {
    const known = latest.get(secret.subscription_id);
    if (!known || known < secret.expires_at) latest.set(secret.subscription_id, secret.expires_at);
  }
  return { items: rows.map((row) => toSubscription(row, latest.get(row.id) ?? null)) };
}
