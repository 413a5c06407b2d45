// POST /webhooks/subscriptions/:id/rotate-secret: a new secret, answered once; the old one keeps
// signing beside it for the overlap (default a day, at most 7), so the receiver can switch
// without losing a delivery. Previous secrets past their overlap are dropped here.
import type { RotateWebhookSecretRequest, WebhookSubscriptionWithSecret } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { findSubscription, loadSubscription } from './subscription-info.ts';
import { newPreviousSecretId, newWebhookSecret } from './webhook-ids.ts';

export const defaultOverlapSeconds = 86_400;
/** Signing with more secrets costs an HMAC each; four rotations in one overlap is plenty. */
const maxPreviousSecrets = 4;

export async function rotateWebhookSecret(
  services: RuntimeServices,
  id: string,
  request: RotateWebhookSecretRequest,
): Promise<WebhookSubscriptionWithSecret> {
  const now = services.now();
  const at = now.toISOString();
  const overlapSeconds = request.overlapSeconds ?? defaultOverlapSeconds;
  const secret = newWebhookSecret();
  await services.database.db.transaction().execute(async (trx) => {
    const current = await findSubscription(trx, id);
    await trx
      .deleteFrom('webhook_previous_secrets')
      .where('subscription_id', '=', id)
      .where('expires_at', '<=', at)
      .execute();
    if (overlapSeconds > 0) {
      await trx
        .insertInto('webhook_previous_secrets')
        .values({
          id: newPreviousSecretId(now),
          subscription_id: id,
          secret: current.secret,
          expires_at: new Date(now.getTime() + overlapSeconds * 1000).toISOString(),
        })
        .execute();
    }
    const kept = await trx
      .selectFrom('webhook_previous_secrets')
      .select('id')
      .where('subscription_id', '=', id)
      .orderBy('expires_at', 'desc')
      .execute();
    const dropped = kept.slice(maxPreviousSecrets).map((row) => row.id);
    if (dropped.length > 0) await trx.deleteFrom('webhook_previous_secrets').where('id', 'in', dropped).execute();
    await trx
      .updateTable('webhook_subscriptions')
      .set({ secret, secret_rotated_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
  });
  return { subscription: await loadSubscription(services.database.db, id, now), secret };
}
