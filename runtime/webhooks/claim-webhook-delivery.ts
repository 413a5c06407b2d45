// Before an attempt, in one transaction: is the delivery still open, due, its subscription
// enabled, and every earlier delivery of the same subscription × ordering key settled? Then it
// is claimed for this job until the attempt's time is up, so two jobs for one delivery (a retry
// and a redelivery, say) never post at once. A delivery whose predecessor is open waits: the
// predecessor's settling transaction enqueues it. On PostgreSQL the predecessor's row is read FOR
// UPDATE, so a settling that is committing right now is waited for and seen (SQLite has one writer).
import type { Kysely } from 'kysely';
import type { JobContext, JobRow } from '../jobs/job-types.ts';
import type { RuntimeServices } from '../services.ts';
import type { DatabaseSchema } from '../storage/database-schema.ts';
import type { Dialect } from '../storage/open-database.ts';

export interface ClaimedDelivery {
  deliveryId: number;
  subscriptionId: string;
  orderingKey: string;
  url: string;
  eventId: string;
  eventType: string;
  body: string;
  attempts: number;
  roundAttempts: number;
  /** The current secret first, then previous ones inside their overlap. */
  secrets: string[];
}

/** How long past the attempt's timeout the claim holds: a killed worker's job takes it back after. */
const claimMarginMs = 30_000;

type Db = Kysely<DatabaseSchema>;

async function openPredecessor(
  trx: Db,
  dialect: Dialect,
  delivery: { id: number; subscription_id: string; ordering_key: string },
) {
  const query = trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('subscription_id', '=', delivery.subscription_id)
    .where('ordering_key', '=', delivery.ordering_key)
    .where('id', '<', delivery.id)
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('id', 'asc')
    .limit(1);
  return (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

async function liveSecrets(trx: Db, subscriptionId: string, current: string, now: Date): Promise<string[]> {
  const previous = await trx
    .selectFrom('webhook_previous_secrets')
    .select('secret')
    .where('subscription_id', '=', subscriptionId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('expires_at', 'desc')
    .execute();
  return [current, ...previous.map((row) => row.secret)];
}

/** The delivery to attempt now, or undefined when there is nothing to do (the job is then complete). */
export async function claimWebhookDelivery(
  services: RuntimeServices,
  job: JobRow,
  deliveryId: number,
  context: JobContext,
): Promise<ClaimedDelivery | undefined> {
  const now = services.now();
  const nowMs = now.getTime();
  return services.database.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
      .select([
        'd.id',
        'd.subscription_id',
        'd.ordering_key',
        'd.status',
        'd.attempts',
        'd.round_attempts',
        'd.next_attempt_at',
        'd.claimed_by',
        'd.claimed_until',
        's.url',
        's.enabled',
        's.secret',
        'e.id as event_id',
        'e.type as event_type',
        'e.body',
      ])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst();
    const open = row && (row.status === 'pending' || row.status === 'failed');
    // Settled, gone, paused with its subscription, or a later attempt is already scheduled.
    if (!row || !open || row.enabled !== 1 || row.next_attempt_at > nowMs) {
      await context.complete(trx);
      return undefined;
    }
    if (await openPredecessor(trx, services.database.dialect, row)) {
      await context.complete(trx);
      return undefined;
    }
    const claimed = await trx
      .updateTable('webhook_deliveries')
      .set({ claimed_by: job.id, claimed_until: nowMs + services.config.webhooks.timeoutMs + claimMarginMs })
      .where('id', '=', row.id)
      .where((eb) =>
        eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', job.id), eb('claimed_until', '<', nowMs)]),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      // Another job's attempt is in flight: it schedules whatever comes next.
      await context.complete(trx);
      return undefined;
    }
    return {
      deliveryId: row.id,
      subscriptionId: row.subscription_id,
      orderingKey: row.ordering_key,
      url: row.url,
      eventId: row.event_id,
      eventType: row.event_type,
      body: row.body,
      attempts: row.attempts,
      roundAttempts: row.round_attempts,
      secrets: await liveSecrets(trx, row.subscription_id, row.secret, now),
    };
  });
}
