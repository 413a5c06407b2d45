// Row shapes of the outgoing-webhook tables (migration 0006): subscriptions, the secrets still
// inside a rotation's overlap, events, deliveries and attempts. Part of database-schema.ts.
import type { ColumnType, Generated } from 'kysely';

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  /** JSON array of event types (schemas/webhook-event.schema.json). */
  event_types: string;
  description: string | null;
  /** 1 or 0 on both dialects. */
  enabled: number;
  disabled_reason: string | null;
  /** whsec_…: kept because signing needs it (HMAC), never returned after create or rotate. */
  secret: string;
  secret_rotated_at: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookPreviousSecretsTable {
  id: string;
  subscription_id: string;
  secret: string;
  expires_at: string;
}

export interface WebhookEventsTable {
  /** The webhook-id header: msg_… */
  id: string;
  type: string;
  /** The delivery body exactly as signed. */
  body: string;
  ordering_key: string;
  created_at: string;
}

export type WebhookDeliveryStatusColumn = 'pending' | 'failed' | 'delivered' | 'given_up';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  event_id: string;
  subscription_id: string;
  ordering_key: string;
  status: WebhookDeliveryStatusColumn;
  attempts: ColumnType<number, number | undefined, number>;
  /** Attempts since the schedule last started (a redelivery starts it again). */
  round_attempts: ColumnType<number, number | undefined, number>;
  /** Epoch ms. */
  next_attempt_at: number;
  /** The job id holding the attempt in flight, until claimed_until (epoch ms). */
  claimed_by: number | null;
  claimed_until: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: number;
  subscription_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  outcome: 'delivered' | 'failed' | 'refused';
  http_status: number | null;
  error_code: string | null;
  latency_ms: number;
  response_excerpt: string | null;
  created_at: string;
}
