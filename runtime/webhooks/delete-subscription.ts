// DELETE /webhooks/subscriptions/:id: the subscription, its secrets, deliveries and their log.
// Events stay (other subscriptions may still deliver them). Jobs left for its deliveries find
// nothing and end.
import type { RuntimeServices } from '../services.ts';
import { findSubscription } from './subscription-info.ts';

export async function deleteSubscription(services: RuntimeServices, id: string): Promise<void> {
  await services.database.db.transaction().execute(async (trx) => {
    await findSubscription(trx, id);
    await trx.deleteFrom('webhook_attempts').where('subscription_id', '=', id).execute();
    await trx.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
    await trx.deleteFrom('webhook_previous_secrets').where('subscription_id', '=', id).execute();
    await trx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
  });
}
