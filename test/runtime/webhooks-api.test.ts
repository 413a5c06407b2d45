// The webhook admin API's refusals and bounds over real HTTP: URLs that outgoing calls may not
// reach are refused at subscription time (loopback without the allow-list, the metadata address
// even with loopback allowed), event types come from the closed list, bodies and lists are
// bounded, the secret is shown only by create and rotate, and only admins get in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type {
  WebhookAttemptList,
  WebhookSubscription,
  WebhookSubscriptionList,
  WebhookSubscriptionWithSecret,
} from '../../schemas/index.ts';
import { issueToken, startTestServer } from '../support/test-services.ts';
import { waitFor } from '../support/wait-for.ts';
import {
  emitTestEvent,
  type Receiver,
  runFailed,
  startReceiver,
  type WebhookServices,
  waitForQuietQueue,
  webhookServices,
  webhookWorkers,
} from './webhooks-harness.ts';

interface ErrorBody {
  error: { code: string; message: string; details?: { pointer: string; message: string }[] };
}

describe('webhook admin API', () => {
  let services: WebhookServices;
  let strict: WebhookServices;
  let workers: WorkerPool;
  let server: { url: string; close(): Promise<void> };
  let strictServer: { url: string; close(): Promise<void> };
  let admin: string;
  let strictAdmin: string;
  let client: string;
  let receiver: Receiver;

  beforeAll(async () => {
    services = await webhookServices('sqlite');
    workers = webhookWorkers(services);
    server = await startTestServer(services);
    admin = await issueToken(services, 'admin');
    client = await issueToken(services, 'client');
    // The default policy: nothing private allowed.
    strict = await webhookServices('sqlite');
    strict.config = { ...strict.config, outbound: { allowPrivate: [], allowHttp: [] } };
    strictServer = await startTestServer(strict);
    strictAdmin = await issueToken(strict, 'admin');
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await workers?.stop(2_000);
    await server?.close();
    await strictServer?.close();
    await receiver?.close();
    await services?.dispose();
    await strict?.dispose();
  });

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    options: { token?: string; base?: string } = {},
  ) => {
    const response = await fetch(`${options.base ?? server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.token ?? admin}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const create = (body: unknown, options?: { token?: string; base?: string }) =>
    call('POST', '/webhooks/subscriptions', body, options);

  it('refuses http://127.0.0.1 when loopback is not allowed, saying which variable allows it', async () => {
    const reply = await create(
      { url: 'http://127.0.0.1:9/hooks', eventTypes: ['envelope.completed'] },
      { base: strictServer.url, token: strictAdmin },
    );
    expect(reply.status).toBe(400);
    const { error } = reply.body as ErrorBody;
    expect(error.code).toBe('OUTBOUND_URL_REFUSED');
    expect(error.message).toContain('INKFLOW_WEBHOOK_ALLOW_PRIVATE');
  });

  it('refuses the cloud metadata address even where loopback is allowed', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'https://169.254.169.254/']) {
      const reply = await create({ url, eventTypes: ['envelope.completed'] });
      expect(reply.status, url).toBe(400);
      expect((reply.body as ErrorBody).error.code).toBe('OUTBOUND_URL_REFUSED');
    }
  });

  it('points at what to fix in a bad body', async () => {
    const cases: [unknown, string][] = [
      [{ url: receiver.url, eventTypes: ['envelope.signed'] }, '/eventTypes/0'],
      [{ url: receiver.url, eventTypes: [] }, '/eventTypes'],
      [{ url: 'ftp://crm.example.com/hooks', eventTypes: ['run.failed'] }, '/url'],
      [{ url: receiver.url, eventTypes: ['run.failed'], secret: 'mine' }, '/'],
      [{ url: receiver.url, eventTypes: ['run.failed', 'run.failed'] }, '/eventTypes'],
    ];
    for (const [body, pointer] of cases) {
      const reply = await create(body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      const { error } = reply.body as ErrorBody;
      expect(error.code).toBe('BODY_INVALID');
      expect(error.details?.[0]?.pointer).toBe(pointer);
    }
    expect((await create('{"url":')).status).toBe(400);
    expect(
      (await create({ url: `https://crm.example.com/${'a'.repeat(20_000)}`, eventTypes: ['run.failed'] })).status,
    ).toBe(413);
  });

  it('shows the secret only at create and rotate, and lets only admins in', async () => {
    const created = await create({ url: receiver.url, eventTypes: ['run.failed'], description: 'CRM' });
    expect(created.status).toBe(201);
    const { subscription, secret } = created.body as WebhookSubscriptionWithSecret;
    const one = await call('GET', `/webhooks/subscriptions/${subscription.id}`);
    const all = await call('GET', '/webhooks/subscriptions');
    expect(one.body).toEqual(subscription);
    expect((all.body as WebhookSubscriptionList).items.map((item) => item.id)).toContain(subscription.id);
    expect(JSON.stringify([one.body, all.body])).not.toContain(secret.slice(6));

    const rotated = await call('POST', `/webhooks/subscriptions/${subscription.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const again = rotated.body as WebhookSubscriptionWithSecret;
    expect(again.secret).not.toBe(secret);
    expect(Date.parse(String(again.subscription.previousSecretExpiresAt)) - Date.now()).toBeGreaterThan(86_000_000);
    const tooLong = await call('POST', `/webhooks/subscriptions/${subscription.id}/rotate-secret`, {
      overlapSeconds: 8 * 86_400,
    });
    expect(tooLong.status).toBe(400);
    expect((tooLong.body as ErrorBody).error.details?.[0]?.pointer).toBe('/overlapSeconds');

    for (const [method, path] of [
      ['GET', '/webhooks/subscriptions'],
      ['GET', `/webhooks/subscriptions/${subscription.id}`],
      ['POST', `/webhooks/subscriptions/${subscription.id}/rotate-secret`],
    ] as const) {
      expect((await call(method, path, undefined, { token: client })).status, path).toBe(403);
    }
    expect((await call('GET', `/webhooks/subscriptions/whs_${'0'.repeat(32)}`)).status).toBe(404);
    expect((await call('DELETE', `/webhooks/subscriptions/${subscription.id}`)).status).toBe(204);
    expect((await call('DELETE', `/webhooks/subscriptions/${subscription.id}`)).status).toBe(404);
  });

  it('updates only what is given and checks a new URL like a new subscription', async () => {
    const created = (await create({ url: receiver.url, eventTypes: ['run.failed'] }))
      .body as WebhookSubscriptionWithSecret;
    const id = created.subscription.id;
    const types = await call('PUT', `/webhooks/subscriptions/${id}`, {
      eventTypes: ['envelope.completed', 'run.failed'],
    });
    expect(types.body).toMatchObject({ url: receiver.url, eventTypes: ['envelope.completed', 'run.failed'] });
    expect((await call('PUT', `/webhooks/subscriptions/${id}`, {})).status).toBe(400);
    const refused = await call('PUT', `/webhooks/subscriptions/${id}`, { url: 'http://169.254.169.254/' });
    expect(refused.status).toBe(400);
    const off = await call('PUT', `/webhooks/subscriptions/${id}`, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/^Disabled by an admin/) });
    const redeliver = await call('POST', `/webhooks/subscriptions/${id}/redeliver`, { since: 'yesterday' });
    expect(redeliver.status).toBe(400);
    await call('DELETE', `/webhooks/subscriptions/${id}`);
  });

  it('pages the delivery log newest first', async () => {
    const created = (await create({ url: receiver.url, eventTypes: ['run.failed'] }))
      .body as WebhookSubscriptionWithSecret;
    const id = created.subscription.id;
    const events: string[] = [];
    for (const n of [1, 2, 3])
      events.push(String(await emitTestEvent(services, 'run.failed', runFailed(`page-${n}`), `page-${n}`)));
    await waitFor(
      () => events.every((event) => receiver.requests.some((r) => r.webhookId === event)),
      20_000,
      'deliveries',
    );
    await waitForQuietQueue(services);
    const first = (await call('GET', `/webhooks/subscriptions/${id}/attempts?limit=2`)).body as WebhookAttemptList;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = (await call('GET', `/webhooks/subscriptions/${id}/attempts?limit=2&cursor=${first.nextCursor}`))
      .body as WebhookAttemptList;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    const seen = [...first.items, ...second.items].map((item) => item.eventId);
    expect([...seen].sort()).toEqual([...events].sort());
    expect((await call('GET', `/webhooks/subscriptions/${id}/attempts?limit=201`)).status).toBe(400);
    expect((await call('GET', `/webhooks/subscriptions/${id}/attempts?cursor=nonsense`)).status).toBe(400);
    await call('DELETE', `/webhooks/subscriptions/${id}`);
  });

  it('holds at most 50 subscriptions', async () => {
    const existing = ((await call('GET', '/webhooks/subscriptions')).body as WebhookSubscriptionList).items.length;
    for (let n = existing; n < 50; n += 1)
      expect((await create({ url: receiver.url, eventTypes: ['run.failed'] })).status).toBe(201);
    const full = await create({ url: receiver.url, eventTypes: ['run.failed'] });
    expect(full.status).toBe(409);
    expect((full.body as ErrorBody).error.code).toBe('WEBHOOK_SUBSCRIPTIONS_FULL');
    const listed = (await call('GET', '/webhooks/subscriptions')).body as WebhookSubscriptionList;
    expect(listed.items.every((item: WebhookSubscription) => item.enabled)).toBe(true);
    expect(listed.items).toHaveLength(50);
  });
});
