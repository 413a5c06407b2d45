// After an attempt, in the transaction that completes the job: the attempt in the log, the
// delivery delivered / failed (the next attempt scheduled) / given up, the subscription's run of
// failures (disabled at the limit, with a reason an admin can read), and, when the delivery is
// settled, the next delivery of its ordering key enqueued. Marking "delivered" in the job's
// completing transaction means no retry, reclaimed lease or duplicate job posts it again.
import type { Kysely } from 'kysely';
import type { JobContext, JobRow } from '../jobs/job-types.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema, WebhookDeliveryStatusColumn } from '../storage/database-schema.ts';
import type { ClaimedDelivery } from './claim-webhook-delivery.ts';
import type { WebhookAnswer } from './post-webhook.ts';
import { newAttemptId } from './webhook-ids.ts';
import { enqueueWebhookDelivery } from './webhook-jobs.ts';

type Db = Kysely<DatabaseSchema>;

async function enqueueSuccessor(trx: Db, delivery: ClaimedDelivery, attempt: number, now: Date): Promise<void> {
  const next = await trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('subscription_id', '=', delivery.subscriptionId)
    .where('ordering_key', '=', delivery.orderingKey)
    .where('id', '>', delivery.deliveryId)
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst();
  if (next) await enqueueWebhookDelivery(trx, next.id, `after:${delivery.deliveryId}:${attempt}`, now.getTime(), now);
}

function disabledReason(failures: number, since: string, answer: WebhookAnswer, at: string): string {
  const last = answer.httpStatus !== null ? `HTTP ${answer.httpStatus}` : (answer.errorCode ?? 'error');
  const detail = answer.message ? `: ${answer.message}` : '';
  return `Disabled at ${at} after ${failures} failed attempts in a row since ${since}; the last was ${last}${detail}. Fix the receiver, then enable the subscription again (its undelivered events resume).`.slice(
    0,
    1000,
  );
}

async function countFailure(
  trx: Db,
  services: RuntimeServices,
  delivery: ClaimedDelivery,
  answer: WebhookAnswer,
  at: string,
) {
  await trx
    .updateTable('webhook_subscriptions')
    .set((eb) => ({
      consecutive_failures: eb('consecutive_failures', '+', 1),
      failing_since: eb.fn.coalesce('failing_since', eb.val(at)),
    }))
    .where('id', '=', delivery.subscriptionId)
    .execute();
  const subscription = await trx
    .selectFrom('webhook_subscriptions')
    .select(['consecutive_failures', 'failing_since', 'enabled'])
    .where('id', '=', delivery.subscriptionId)
    .executeTakeFirst();
  if (subscription?.enabled !== 1) return;
  const { disableAfterFailures, disableAfterMs } = services.config.webhooks;
  const since = subscription.failing_since ?? at;
  const long = Date.parse(at) - Date.parse(since) >= disableAfterMs;
  if (subscription.consecutive_failures >= disableAfterFailures && long) {
    await trx
      .updateTable('webhook_subscriptions')
      .set({
        enabled: 0,
        disabled_reason: disabledReason(subscription.consecutive_failures, since, answer, at),
        updated_at: at,
      })
      .where('id', '=', delivery.subscriptionId)
      .execute();
  }
}

export async function recordWebhookAttempt(
  services: RuntimeServices,
  job: JobRow,
  delivery: ClaimedDelivery,
  answer: WebhookAnswer,
  context: JobContext,
): Promise<WebhookDeliveryStatusColumn | undefined> {
  const now = services.now();
  const at = now.toISOString();
  const attempt = delivery.attempts + 1;
  const roundAttempt = delivery.roundAttempts + 1;
  const schedule = services.config.webhooks.retryScheduleMs;
  const delivered = answer.outcome === 'delivered';
  const pause = schedule[roundAttempt - 1];
  const status: WebhookDeliveryStatusColumn = delivered ? 'delivered' : pause === undefined ? 'given_up' : 'failed';
  const nextAttemptAt = status === 'failed' ? now.getTime() + (pause ?? 0) : now.getTime();
  const lastError = delivered ? null : `${answer.errorCode ?? 'ERROR'}: ${answer.message ?? ''}`.slice(0, 1000);
  return services.database.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('webhook_deliveries')
      .set({
        status,
        attempts: attempt,
        round_attempts: roundAttempt,
        next_attempt_at: nextAttemptAt,
        claimed_by: null,
        claimed_until: null,
        last_error: lastError,
        ...(delivered ? { delivered_at: at } : {}),
        updated_at: at,
      })
      .where('id', '=', delivery.deliveryId)
      .where('claimed_by', '=', job.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      // Our claim ran out and another job took the delivery over: its outcome is the one kept.
      await context.complete(trx);
      return undefined;
    }
    await trx
      .insertInto('webhook_attempts')
      .values({
        id: newAttemptId(now),
        delivery_id: delivery.deliveryId,
        subscription_id: delivery.subscriptionId,
        event_id: delivery.eventId,
        event_type: delivery.eventType,
        attempt,
        outcome: answer.outcome,
        http_status: answer.httpStatus,
        error_code: answer.errorCode,
        latency_ms: Math.max(0, Math.round(answer.latencyMs)),
        response_excerpt: answer.responseExcerpt,
        created_at: at,
      })
      .execute();
    if (delivered) {
      await trx
        .updateTable('webhook_subscriptions')
        .set({ consecutive_failures: 0, failing_since: null })
        .where('id', '=', delivery.subscriptionId)
        .where('consecutive_failures', '>', 0)
        .execute();
    } else {
      await countFailure(trx, services, delivery, answer, at);
    }
    if (status === 'failed')
      await enqueueWebhookDelivery(trx, delivery.deliveryId, `attempt:${attempt + 1}`, nextAttemptAt, now);
    else await enqueueSuccessor(trx, delivery, attempt, now);
    await context.complete(trx);
    return status;
  });
}
