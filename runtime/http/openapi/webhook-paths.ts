// OpenAPI entries of outgoing webhooks: subscriptions, secrets (answered once), the delivery log
// and redelivery. Admin only.
import { type ApiPath, api, json, ref } from './api-path.ts';

const subscriptionIdParam = { type: 'string', pattern: '^whs_[0-9a-f]{32}$' };
const eventIdParam = { type: 'string', pattern: '^msg_[0-9a-f]{32}$' };
const params = { id: subscriptionIdParam };
const base = `${api}/webhooks/subscriptions`;
const refusedUrl = ['OUTBOUND_URL_REFUSED', 'BODY_INVALID'];

export const webhookPaths: readonly ApiPath[] = [
  {
    method: 'get',
    path: base,
    operationId: 'listWebhookSubscriptions',
    summary: 'Every webhook subscription (at most 50), oldest first; secrets are never listed',
    roles: ['admin'],
    responses: { 200: { description: 'Subscriptions', schema: ref('WebhookSubscriptionList') } },
  },
  {
    method: 'post',
    path: base,
    operationId: 'createWebhookSubscription',
    summary:
      'Subscribe a URL to event types. The URL must be https (or http to an allowed host) and resolve to public addresses only. The answer holds the signing secret: it is shown this once',
    roles: ['admin'],
    request: json('WebhookSubscriptionInput'),
    responses: { 201: { description: 'Created, with its secret', schema: ref('WebhookSubscriptionWithSecret') } },
    errors: [400, 409, 413, 415],
    errorCodes: { 400: refusedUrl, 409: ['WEBHOOK_SUBSCRIPTIONS_FULL'] },
  },
  {
    method: 'get',
    path: `${base}/:id`,
    operationId: 'getWebhookSubscription',
    params,
    summary: 'One subscription, with why it was disabled when it was',
    roles: ['admin'],
    responses: { 200: { description: 'The subscription', schema: ref('WebhookSubscription') } },
    errors: [404],
  },
  {
    method: 'put',
    path: `${base}/:id`,
    operationId: 'updateWebhookSubscription',
    params,
    summary:
      'Change the URL, event types, description or enabled; enabling a disabled subscription resumes its undelivered events',
    roles: ['admin'],
    request: json('WebhookSubscriptionUpdate'),
    responses: { 200: { description: 'Changed', schema: ref('WebhookSubscription') } },
    errors: [400, 404, 413, 415],
    errorCodes: { 400: refusedUrl },
  },
  {
    method: 'delete',
    path: `${base}/:id`,
    operationId: 'deleteWebhookSubscription',
    params,
    summary: 'Delete a subscription with its delivery log; undelivered events are not sent to it',
    roles: ['admin'],
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  },
  {
    method: 'post',
    path: `${base}/:id/rotate-secret`,
    operationId: 'rotateWebhookSecret',
    params,
    summary:
      'A new signing secret, shown this once; deliveries carry signatures by both for the overlap (default 86400 s, at most 7 days)',
    roles: ['admin'],
    request: { ...json('RotateWebhookSecretRequest'), optional: true },
    responses: { 200: { description: 'Rotated, with the new secret', schema: ref('WebhookSubscriptionWithSecret') } },
    errors: [400, 404, 413, 415],
  },
  {
    method: 'get',
    path: `${base}/:id/attempts`,
    operationId: 'listWebhookAttempts',
    params,
    summary:
      'The delivery log newest first: every attempt with outcome, HTTP status or error code, latency and the first KiB of the answer; a page of at most 200 (default 50)',
    roles: ['admin'],
    query: [
      { name: 'eventId', description: 'Only this event (its webhook-id)', schema: { type: 'string', maxLength: 200 } },
      { name: 'limit', description: 'Page size, 1 to 200', schema: { type: 'integer', minimum: 1, maximum: 200 } },
      { name: 'cursor', description: 'nextCursor of the previous page', schema: { type: 'string', maxLength: 600 } },
    ],
    responses: { 200: { description: 'Attempts', schema: ref('WebhookAttemptList') } },
    errors: [400, 404],
  },
  {
    method: 'post',
    path: `${base}/:id/events/:eventId/redeliver`,
    operationId: 'redeliverWebhookEvent',
    params: { id: subscriptionIdParam, eventId: eventIdParam },
    summary: 'Send one event to the subscription again (same webhook-id, a fresh retry schedule)',
    roles: ['admin'],
    responses: { 202: { description: 'Queued', schema: ref('RedeliveryResult') } },
    errors: [404, 409],
    errorCodes: { 409: ['WEBHOOK_SUBSCRIPTION_DISABLED'] },
  },
  {
    method: 'post',
    path: `${base}/:id/redeliver`,
    operationId: 'redeliverWebhookEventsSince',
    params,
    summary: 'Send again every event since a time, oldest first, at most 1000 per call (more: true says call again)',
    roles: ['admin'],
    request: json('RedeliverSinceRequest'),
    responses: { 202: { description: 'Queued', schema: ref('RedeliveryResult') } },
    errors: [400, 404, 409, 413, 415],
    errorCodes: { 409: ['WEBHOOK_SUBSCRIPTION_DISABLED'] },
  },
];
