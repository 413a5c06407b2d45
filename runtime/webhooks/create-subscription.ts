// POST /webhooks/subscriptions: the URL is checked as an outgoing call would be (https, or http to
// an allowed host; no private, loopback or link-local address after DNS), the event types come
// from the closed list (the schema), and the secret is answered once.
import type { WebhookSubscriptionInput, WebhookSubscriptionWithSecret } from '../../schemas/index.ts';
import { conflict } from '../errors/app-error.ts';
import { checkOutboundUrl } from '../outbound/check-outbound-url.ts';
import { outboundPolicy } from '../outbound/outbound-policy.ts';
import type { RuntimeServices } from '../services.ts';
import { maxSubscriptions, toSubscription } from './subscription-info.ts';
import { newSubscriptionId, newWebhookSecret } from './webhook-ids.ts';

export async function createSubscription(
  services: RuntimeServices,
  input: WebhookSubscriptionInput,
): Promise<WebhookSubscriptionWithSecret> {
  const url = await checkOutboundUrl(input.url, outboundPolicy(services.config));
  const now = services.now();
  const at = now.toISOString();
  const secret = newWebhookSecret();
  const row = {
    id: newSubscriptionId(now),
    url: url.href,
    event_types: JSON.stringify(input.eventTypes),
    description: input.description ?? null,
    enabled: input.enabled === false ? 0 : 1,
    disabled_reason: input.enabled === false ? 'Created disabled.' : null,
    secret,
    secret_rotated_at: null,
    consecutive_failures: 0,
    failing_since: null,
    created_at: at,
    updated_at: at,
  };
  await services.database.db.transaction().execute(async (trx) => {
    const count = await trx
      .selectFrom('webhook_subscriptions')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(count.count) >= maxSubscriptions)
      throw conflict(
        'WEBHOOK_SUBSCRIPTIONS_FULL',
        `There are already ${maxSubscriptions} subscriptions: delete one first`,
      );
    await trx.insertInto('webhook_subscriptions').values(row).execute();
  });
  return { subscription: toSubscription(row, null), secret };
}
