// PUT /webhooks/subscriptions/:id: url, event types, description, enabled; only what is given
// changes. Disabling stops deliveries (they wait, nothing is dropped); enabling clears the reason
// and the failure count and resumes them.
import type { WebhookSubscription, WebhookSubscriptionUpdate } from '../../schemas/index.ts';
import { checkOutboundUrl } from '../outbound/check-outbound-url.ts';
import { outboundPolicy } from '../outbound/outbound-policy.ts';
import type { RuntimeServices } from '../services.ts';
import { resumeSubscription } from './resume-subscription.ts';
import { findSubscription, loadSubscription } from './subscription-info.ts';

export async function updateSubscription(
  services: RuntimeServices,
  id: string,
  update: WebhookSubscriptionUpdate,
): Promise<WebhookSubscription> {
  const url =
    update.url === undefined ? undefined : (await checkOutboundUrl(update.url, outboundPolicy(services.config))).href;
  const now = services.now();
  const at = now.toISOString();
  await services.database.db.transaction().execute(async (trx) => {
    const current = await findSubscription(trx, id);
    const enabling = update.enabled === true && current.enabled !== 1;
    const disabling = update.enabled === false && current.enabled === 1;
    await trx
      .updateTable('webhook_subscriptions')
      .set({
        ...(url !== undefined ? { url } : {}),
        ...(update.eventTypes !== undefined ? { event_types: JSON.stringify(update.eventTypes) } : {}),
        ...(update.description !== undefined ? { description: update.description } : {}),
        ...(enabling ? { enabled: 1, disabled_reason: null, consecutive_failures: 0, failing_since: null } : {}),
        ...(disabling ? { enabled: 0, disabled_reason: `Disabled by an admin at ${at}.` } : {}),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    if (enabling) await resumeSubscription(trx, id, now);
  });
  return loadSubscription(services.database.db, id, now);
}
