// Outgoing webhook subscriptions (admin): create, change, rotate the secret, delete, the delivery
// log and redelivery. The secret is only ever in the answer to create and rotate.
import type {
  RedeliveryResult,
  WebhookAttemptList,
  WebhookEventType,
  WebhookSubscription,
  WebhookSubscriptionList,
  WebhookSubscriptionWithSecret,
} from '../../../schemas/types.generated.ts';
import { request } from './client.ts';

const base = '/webhooks/subscriptions';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const webhooksApi = {
  list: () => request<WebhookSubscriptionList>('GET', base),
  create: (url: string, eventTypes: WebhookEventType[]) =>
    request<WebhookSubscriptionWithSecret>('POST', base, { url, eventTypes }),
  setEnabled: (id: string, enabled: boolean) => request<WebhookSubscription>('PUT', one(id), { enabled }),
  rotate: (id: string) => request<WebhookSubscriptionWithSecret>('POST', `${one(id)}/rotate-secret`, {}),
  remove: (id: string) => request<void>('DELETE', one(id)),
  attempts: (id: string) => request<WebhookAttemptList>('GET', `${one(id)}/attempts?limit=20`),
  redeliver: (id: string, eventId: string) =>
    request<RedeliveryResult>('POST', `${one(id)}/events/${encodeURIComponent(eventId)}/redeliver`, {}),
};
