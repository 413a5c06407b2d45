// GET /webhooks/subscriptions/:id/attempts: the delivery log, newest first, a page at a time:
// every attempt with its outcome, HTTP status or error code, latency and the answer's start.
import type { WebhookAttemptList, WebhookDeliveryStatus, WebhookEventType } from '../../schemas/index.ts';
import type { RuntimeServices } from '../services.ts';
import { decodePageCursor, pageOf } from '../storage/newest-first-page.ts';
import { findSubscription } from './subscription-info.ts';

export const attemptListMaxLimit = 200;

export interface AttemptFilter {
  limit: number;
  cursor?: string;
  eventId?: string;
}

export async function listWebhookAttempts(
  services: RuntimeServices,
  subscriptionId: string,
  filter: AttemptFilter,
): Promise<WebhookAttemptList> {
  const { db } = services.database;
  await findSubscription(db, subscriptionId);
  const limit = Math.min(Math.max(1, filter.limit), attemptListMaxLimit);
  let query = db
    .selectFrom('webhook_attempts as a')
    .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
    .select([
      'a.id',
      'a.event_id',
      'a.event_type',
      'a.attempt',
      'a.outcome',
      'a.http_status',
      'a.error_code',
      'a.latency_ms',
      'a.response_excerpt',
      'a.created_at',
      'd.status as delivery_status',
    ])
    .where('a.subscription_id', '=', subscriptionId);
  if (filter.eventId !== undefined) query = query.where('a.event_id', '=', filter.eventId);
  if (filter.cursor !== undefined) {
    const after = decodePageCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('a.created_at', '<', after.at),
        eb.and([eb('a.created_at', '=', after.at), eb('a.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
  const { page, nextCursor } = pageOf(rows, limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      eventType: row.event_type as WebhookEventType,
      attempt: row.attempt,
      at: row.created_at,
      outcome: row.outcome,
      httpStatus: row.http_status,
      errorCode: row.error_code,
      latencyMs: row.latency_ms,
      responseExcerpt: row.response_excerpt,
      deliveryStatus: row.delivery_status as WebhookDeliveryStatus,
    })),
    ...(nextCursor ? { nextCursor } : {}),
  };
}
