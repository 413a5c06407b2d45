// Ids and secrets of webhooks. Event ids are time-ordered (they are the webhook-id a receiver
// deduplicates by, and the events table's key); a secret is 32 random bytes in the Standard
// Webhooks form `whsec_<base64>`, which every Standard Webhooks library takes as it is.
import { randomBytes } from 'node:crypto';
import { timeOrderedId } from '../runs/time-ordered-id.ts';

const hex = (now: Date): string => timeOrderedId(now.getTime()).replaceAll('-', '');

export const newWebhookEventId = (now: Date): string => `msg_${hex(now)}`;
export const newSubscriptionId = (now: Date): string => `whs_${hex(now)}`;
export const newAttemptId = (now: Date): string => `wha_${hex(now)}`;
export const newPreviousSecretId = (now: Date): string => `whp_${hex(now)}`;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
