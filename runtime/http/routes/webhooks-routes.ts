// /api/v1/webhooks: subscriptions to the runtime's events, their secrets (shown once), the
// delivery log and manual redelivery. Admin only: a subscription decides where data goes.
import {
  checkAgainst,
  type RedeliverSinceRequest,
  type RotateWebhookSecretRequest,
  type WebhookSubscriptionInput,
  type WebhookSubscriptionUpdate,
} from '../../../schemas/index.ts';
import { validationError } from '../../errors/app-error.ts';
import { createSubscription } from '../../webhooks/create-subscription.ts';
import { deleteSubscription } from '../../webhooks/delete-subscription.ts';
import { listSubscriptions } from '../../webhooks/list-subscriptions.ts';
import { attemptListMaxLimit, listWebhookAttempts } from '../../webhooks/list-webhook-attempts.ts';
import { maxRedeliveries, redeliverEvent, redeliverSince } from '../../webhooks/redeliver-webhooks.ts';
import { rotateWebhookSecret } from '../../webhooks/rotate-webhook-secret.ts';
import { loadSubscription } from '../../webhooks/subscription-info.ts';
import { updateSubscription } from '../../webhooks/update-subscription.ts';
import type { RouteModule } from '../app-types.ts';
import { queryNumber } from '../query-number.ts';
import { readJsonBody } from '../read-json-body.ts';
import { requireRole } from '../require-role.ts';

const bodyLimitBytes = 16 * 1024;
const schema = 'webhook-subscription.schema.json#/definitions';
const checkInput = (value: unknown) =>
  checkAgainst<WebhookSubscriptionInput>(`${schema}/webhookSubscriptionInput`, value);
const checkUpdate = (value: unknown) =>
  checkAgainst<WebhookSubscriptionUpdate>(`${schema}/webhookSubscriptionUpdate`, value);
const checkRotate = (value: unknown) =>
  checkAgainst<RotateWebhookSecretRequest>(`${schema}/rotateWebhookSecretRequest`, value);
const checkSince = (value: unknown) => checkAgainst<RedeliverSinceRequest>(`${schema}/redeliverSinceRequest`, value);

function text(value: string | string[] | undefined, name: string, max: number): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === '') return undefined;
  if (first.length > max) throw validationError('QUERY_INVALID', `${name} may be at most ${max} characters`);
  return first;
}

export const registerWebhooksRoutes: RouteModule = (router, services) => {
  const base = '/webhooks/subscriptions';
  router.get(base, requireRole('admin'), async (ctx) => {
    ctx.body = await listSubscriptions(services);
  });
  router.post(base, requireRole('admin'), async (ctx) => {
    const created = await createSubscription(services, await readJsonBody(ctx, checkInput, bodyLimitBytes));
    ctx.status = 201;
    ctx.body = created;
  });
  router.get(`${base}/:id`, requireRole('admin'), async (ctx) => {
    ctx.body = await loadSubscription(services.database.db, ctx.params.id as string, services.now());
  });
  router.put(`${base}/:id`, requireRole('admin'), async (ctx) => {
    const update = await readJsonBody(ctx, checkUpdate, bodyLimitBytes);
    ctx.body = await updateSubscription(services, ctx.params.id as string, update);
  });
  router.delete(`${base}/:id`, requireRole('admin'), async (ctx) => {
    await deleteSubscription(services, ctx.params.id as string);
    ctx.status = 204;
  });
  router.post(`${base}/:id/rotate-secret`, requireRole('admin'), async (ctx) => {
    const request = ctx.request.length ? await readJsonBody(ctx, checkRotate, bodyLimitBytes) : {};
    ctx.body = await rotateWebhookSecret(services, ctx.params.id as string, request);
  });
  router.get(`${base}/:id/attempts`, requireRole('admin'), async (ctx) => {
    const cursor = text(ctx.query.cursor, 'cursor', 600);
    const eventId = text(ctx.query.eventId, 'eventId', 200);
    ctx.body = await listWebhookAttempts(services, ctx.params.id as string, {
      ...(cursor !== undefined ? { cursor } : {}),
      ...(eventId !== undefined ? { eventId } : {}),
      limit: queryNumber(ctx.query.limit, 'limit', { min: 1, max: attemptListMaxLimit, fallback: 50 }),
    });
  });
  router.post(`${base}/:id/events/:eventId/redeliver`, requireRole('admin'), async (ctx) => {
    const { id, eventId } = ctx.params as { id: string; eventId: string };
    ctx.status = 202;
    ctx.body = await redeliverEvent(services, id, eventId);
  });
  router.post(`${base}/:id/redeliver`, requireRole('admin'), async (ctx) => {
    const request = await readJsonBody(ctx, checkSince, bodyLimitBytes);
    ctx.status = 202;
    ctx.body = await redeliverSince(
      services,
      ctx.params.id as string,
      new Date(request.since),
      request.limit ?? maxRedeliveries,
    );
  });
};
