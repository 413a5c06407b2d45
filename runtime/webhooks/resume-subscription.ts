// A subscription enabled again picks up where it stopped: each undelivered delivery is due now and
// gets a job (its ordering still holds: later ones wait for earlier ones of the same key).
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import { enqueueWebhookDelivery } from './webhook-jobs.ts';

/** Deliveries resumed at once; more stay open and are listed by the delivery log. */
export const maxResumed = 1000;

export async function resumeSubscription(
  trx: Kysely<DatabaseSchema>,
  subscriptionId: string,
  now: Date,
): Promise<number> {
  const open = await trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('subscription_id', '=', subscriptionId)
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('id')
    .limit(maxResumed)
    .execute();
  if (open.length === 0) return 0;
  await trx
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: now.getTime(), updated_at: now.toISOString() })
    .where(
      'id',
      'in',
      open.map((row) => row.id),
    )
    .execute();
  for (const row of open) await enqueueWebhookDelivery(trx, row.id, `resume:${now.getTime()}`, now.getTime(), now);
  return open.length;
}
