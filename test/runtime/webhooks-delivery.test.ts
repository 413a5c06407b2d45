// Outgoing webhooks end to end on SQLite and PostgreSQL, over real HTTP on loopback: a subscription
// made through the admin API, a state change through the signer's page, and a receiver that checks
// every signature with the standardwebhooks package. Retries after 500s and a timeout (every
// attempt in the log, the event arriving exactly once more), disabling after N failures and
// resuming, ordering per envelope, and the secret's rotation overlap.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deleteSubscription } from '../../runtime/webhooks/delete-subscription.ts';
import {
  checkAgainst,
  type WebhookAttemptList,
  type WebhookSubscription,
  type WebhookSubscriptionWithSecret,
} from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { createSigningFixture } from '../support/signing-fixtures.ts';
import { waitFor } from '../support/wait-for.ts';
import {
  checkWebhookEvent,
  emitTestEvent,
  type Receiver,
  runFailed,
  startWebhookRig,
  type WebhookRig,
  type WebhookServices,
  waitForQuietQueue,
} from './webhooks-harness.ts';

describe.each(dialects)('webhook delivery on %s', (dialect) => {
  let services: WebhookServices;
  let server: { url: string; close(): Promise<void> };
  let admin: string;
  let receiver: Receiver;

  let rig: WebhookRig | undefined;

  beforeAll(async () => {
    rig = await startWebhookRig(dialect, { disableAfterFailures: 50 });
    ({ services, server, admin, receiver } = rig);
  });

  afterAll(() => rig?.close());

  // Each test has the receiver to itself: a subscription a failed test left behind would double its requests.
  beforeEach(async () => {
    await waitForQuietQueue(services);
    for (const row of await services.database.db.selectFrom('webhook_subscriptions').select('id').execute())
      await deleteSubscription(services, row.id);
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  async function subscribe(eventTypes: string[], url = receiver.url): Promise<WebhookSubscriptionWithSecret> {
    const created = await call('POST', '/webhooks/subscriptions', { url, eventTypes });
    expect(created.status).toBe(201);
    const answer = created.body as WebhookSubscriptionWithSecret;
    receiver.secrets.splice(0, receiver.secrets.length, answer.secret);
    return answer;
  }

  async function attempts(subscriptionId: string, eventId?: string) {
    const query = eventId ? `?eventId=${eventId}&limit=200` : '?limit=200';
    const reply = await call('GET', `/webhooks/subscriptions/${subscriptionId}/attempts${query}`);
    expect(reply.status).toBe(200);
    return (reply.body as WebhookAttemptList).items;
  }

  const received = (eventId: string) => receiver.requests.filter((request) => request.webhookId === eventId);

  it('delivers signer.viewed, caused through the signer page, with a signature standardwebhooks verifies', async () => {
    const { subscription, secret } = await subscribe(['signer.viewed']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription.enabled).toBe(true);
    const listed = await call('GET', '/webhooks/subscriptions');
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const fixture = await createSigningFixture(services, {
      signers: [{ side: 'counterparty', name: 'Dana Client', email: 'dana@client.example', contactId: 'P-5' }],
    });
    const signer = fixture.signers[0];
    if (!signer) throw new Error('the fixture has a signer');
    const page = await fetch(`${server.url}/sign/${signer.token}`);
    expect(page.status).toBe(200);

    await waitFor(
      () => receiver.requests.some((request) => request.event?.type === 'signer.viewed'),
      20_000,
      'delivery',
    );
    const request = receiver.requests.find((candidate) => candidate.event?.type === 'signer.viewed');
    if (!request) throw new Error('unreachable');
    expect(request.verified).toEqual([true]);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const event = checkWebhookEvent(request.body);
    expect(event).toMatchObject({ version: 1, type: 'signer.viewed' });
    const data = checkAgainst('webhook-event.schema.json#/definitions/signerEventData', event.data);
    expect(data.ok).toBe(true);
    expect(event.data).toMatchObject({
      envelope: { envelopeId: fixture.envelopeId, documentType: 'contract', dealId: 'D-sign' },
      signer: { signerId: signer.id, name: 'Dana Client', side: 'counterparty', contactId: 'P-5', status: 'viewed' },
    });
    // Never the signer's address, link or token.
    expect(request.body).not.toContain('dana@client.example');
    expect(request.body).not.toContain(signer.token);
    expect(request.body).not.toContain('/sign/');

    await waitForQuietQueue(services);
    const log = await attempts(subscription.id, request.webhookId);
    expect(log).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'delivered',
        httpStatus: 200,
        errorCode: null,
        deliveryStatus: 'delivered',
      }),
    ]);
    await call('DELETE', `/webhooks/subscriptions/${subscription.id}`);
  });

  it('retries after 500, 500, 500 and a timeout, then the event arrives exactly once more, every attempt logged', async () => {
    const { subscription } = await subscribe(['run.failed']);
    receiver.script(500, 500, 500, 'hang', 200);
    const eventId = await emitTestEvent(services, 'run.failed', runFailed('run-retry'), 'run-retry');
    if (!eventId) throw new Error('the subscription wants run.failed');
    await waitFor(() => received(eventId).some((request) => request.answer === 200), 30_000, 'the fifth attempt');
    await waitForQuietQueue(services);

    const requests = received(eventId);
    expect(requests.map((request) => request.answer)).toEqual([500, 500, 500, 'hang', 200]);
    expect(requests.every((request) => request.verified[0] === true)).toBe(true);
    // The same body every time: a receiver drops duplicates by webhook-id.
    expect(new Set(requests.map((request) => request.body)).size).toBe(1);

    const log = await attempts(subscription.id, eventId);
    expect(log.map((entry) => [entry.attempt, entry.outcome, entry.httpStatus, entry.errorCode])).toEqual([
      [5, 'delivered', 200, null],
      [4, 'failed', null, 'TIMEOUT'],
      [3, 'failed', 500, 'HTTP_STATUS'],
      [2, 'failed', 500, 'HTTP_STATUS'],
      [1, 'failed', 500, 'HTTP_STATUS'],
    ]);
    expect(log[2]?.responseExcerpt).toBe('status 500');
    const after = await call('GET', `/webhooks/subscriptions/${subscription.id}`);
    expect((after.body as WebhookSubscription).consecutiveFailures).toBe(0);
    await call('DELETE', `/webhooks/subscriptions/${subscription.id}`);
  });

  it('keeps an envelope’s events in order when an earlier one has to be retried', async () => {
    const { subscription } = await subscribe(['run.failed']);
    receiver.script(503, 503);
    const key = `env-order-${dialect}`;
    const first = await emitTestEvent(services, 'run.failed', runFailed('order-1'), key);
    const second = await emitTestEvent(services, 'run.failed', runFailed('order-2'), key);
    const third = await emitTestEvent(services, 'run.failed', runFailed('order-3'), key);
    await waitFor(
      () => [first, second, third].every((id) => received(String(id)).some((request) => request.answer === 200)),
      30_000,
      'all three delivered',
    );
    const order = receiver.requests
      .filter((request) => [first, second, third].includes(request.webhookId))
      .map((request) => [request.webhookId, request.answer]);
    expect(order).toEqual([
      [first, 503],
      [first, 503],
      [first, 200],
      [second, 200],
      [third, 200],
    ]);
    await waitForQuietQueue(services);
    await call('DELETE', `/webhooks/subscriptions/${subscription.id}`);
  });

  it('redelivers one event and everything since a time, with the same webhook-id', async () => {
    const { subscription } = await subscribe(['run.failed']);
    const since = new Date().toISOString();
    const one = String(await emitTestEvent(services, 'run.failed', runFailed('again-1'), 'again-1'));
    const two = String(await emitTestEvent(services, 'run.failed', runFailed('again-2'), 'again-2'));
    await waitFor(() => received(one).length === 1 && received(two).length === 1, 20_000, 'first deliveries');
    await waitForQuietQueue(services);

    const single = await call('POST', `/webhooks/subscriptions/${subscription.id}/events/${one}/redeliver`);
    expect(single).toMatchObject({ status: 202, body: { queued: 1, eventIds: [one] } });
    await waitFor(() => received(one).length === 2, 20_000, 'the redelivery');

    const all = await call('POST', `/webhooks/subscriptions/${subscription.id}/redeliver`, { since });
    expect(all).toMatchObject({ status: 202, body: { queued: 2, more: false } });
    await waitFor(() => received(one).length === 3 && received(two).length === 2, 20_000, 'the redeliveries');
    expect(received(one).every((request) => request.verified[0] === true)).toBe(true);

    const unknown = await call(
      'POST',
      `/webhooks/subscriptions/${subscription.id}/events/msg_${'0'.repeat(32)}/redeliver`,
    );
    expect(unknown.status).toBe(404);
    await waitForQuietQueue(services);
    await call('DELETE', `/webhooks/subscriptions/${subscription.id}`);
  });

  it('signs with both secrets during a rotation overlap, and only the new one after it', async () => {
    const { subscription, secret: oldSecret } = await subscribe(['run.failed']);
    const rotated = await call('POST', `/webhooks/subscriptions/${subscription.id}/rotate-secret`, {
      overlapSeconds: 3600,
    });
    expect(rotated.status).toBe(200);
    const { secret: newSecret, subscription: after } = rotated.body as WebhookSubscriptionWithSecret;
    expect(newSecret).not.toBe(oldSecret);
    expect(after.previousSecretExpiresAt).not.toBeNull();
    receiver.secrets.splice(0, receiver.secrets.length, oldSecret, newSecret);

    const during = String(await emitTestEvent(services, 'run.failed', runFailed('rotate-1'), 'rotate-1'));
    await waitFor(() => received(during).length === 1, 20_000, 'delivery during the overlap');
    expect(received(during)[0]?.verified).toEqual([true, true]);
    expect(String(received(during)[0]?.headers['webhook-signature']).split(' ')).toHaveLength(2);

    // The overlap ends (as if its hour had passed).
    await services.database.db
      .updateTable('webhook_previous_secrets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('subscription_id', '=', subscription.id)
      .execute();
    const later = String(await emitTestEvent(services, 'run.failed', runFailed('rotate-2'), 'rotate-2'));
    await waitFor(() => received(later).length === 1, 20_000, 'delivery after the overlap');
    expect(received(later)[0]?.verified).toEqual([false, true]);
    await waitForQuietQueue(services);
    await call('DELETE', `/webhooks/subscriptions/${subscription.id}`);
  });

  it('writes nothing for an event type nobody subscribed to', async () => {
    const before = await services.database.db.selectFrom('webhook_events').select('id').execute();
    const id = await emitTestEvent(services, 'run.failed', runFailed('nobody'), 'nobody');
    expect(id).toBeUndefined();
    const after = await services.database.db.selectFrom('webhook_events').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});

describe.each(dialects)('a failing receiver on %s', (dialect) => {
  let services: WebhookServices;
  let server: { url: string; close(): Promise<void> };
  let admin: string;
  let receiver: Receiver;

  let rig: WebhookRig | undefined;

  beforeAll(async () => {
    rig = await startWebhookRig(dialect, { disableAfterFailures: 3, retryScheduleMs: [20, 20, 20, 20, 20, 20] });
    ({ services, server, admin, receiver } = rig);
  });

  afterAll(() => rig?.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  it('is disabled after 3 failed attempts in a row with a reason, and resumes its event when enabled', async () => {
    const created = await call('POST', '/webhooks/subscriptions', { url: receiver.url, eventTypes: ['run.failed'] });
    const { subscription, secret } = created.body as WebhookSubscriptionWithSecret;
    receiver.secrets.push(secret);
    receiver.script(500, 500, 500);
    const eventId = String(await emitTestEvent(services, 'run.failed', runFailed('down'), 'down'));
    await waitFor(
      async () =>
        !((await call('GET', `/webhooks/subscriptions/${subscription.id}`)).body as WebhookSubscription).enabled,
      20_000,
      'the subscription to be disabled',
    );
    await waitForQuietQueue(services);
    const disabled = (await call('GET', `/webhooks/subscriptions/${subscription.id}`)).body as WebhookSubscription;
    expect(disabled.disabledReason).toMatch(/after 3 failed attempts in a row .* HTTP 500/);
    expect(disabled.consecutiveFailures).toBe(3);
    // The retry queued with the third failure found the subscription disabled and did not post.
    expect(receiver.requests.filter((request) => request.webhookId === eventId)).toHaveLength(3);
    const redeliver = await call('POST', `/webhooks/subscriptions/${subscription.id}/events/${eventId}/redeliver`);
    expect(redeliver).toMatchObject({ status: 409, body: { error: { code: 'WEBHOOK_SUBSCRIPTION_DISABLED' } } });

    const enabled = await call('PUT', `/webhooks/subscriptions/${subscription.id}`, { enabled: true });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await waitFor(
      () => receiver.requests.some((request) => request.webhookId === eventId && request.answer === 200),
      20_000,
      'the resumed delivery',
    );
    expect(
      receiver.requests.filter((request) => request.webhookId === eventId).map((request) => request.answer),
    ).toEqual([500, 500, 500, 200]);
  });

  it('logs a receiver that redirects (to the metadata address) as a failed attempt, never following it', async () => {
    const created = await call('POST', '/webhooks/subscriptions', {
      url: receiver.url,
      eventTypes: ['deal.move_requested'],
    });
    const { subscription } = created.body as WebhookSubscriptionWithSecret;
    receiver.script({ redirect: 'http://169.254.169.254/latest/meta-data/' });
    const data = {
      dealId: 'D-1',
      pipelineId: 'sales',
      stageId: 'invoice',
      reason: { envelopeId: 'env-1', documentType: 'contract', flowId: 'flow-1', ruleName: 'signed → invoice' },
    };
    const eventId = String(await emitTestEvent(services, 'deal.move_requested', data, 'env-1'));
    await waitFor(
      () => receiver.requests.filter((request) => request.webhookId === eventId).length === 2,
      20_000,
      'the retry after the redirect',
    );
    await waitForQuietQueue(services);
    const log = (await call('GET', `/webhooks/subscriptions/${subscription.id}/attempts?eventId=${eventId}`))
      .body as WebhookAttemptList;
    expect(log.items.map((entry) => [entry.attempt, entry.outcome, entry.httpStatus, entry.errorCode])).toEqual([
      [2, 'delivered', 200, null],
      [1, 'failed', 302, 'REDIRECT_NOT_FOLLOWED'],
    ]);
  });
});
