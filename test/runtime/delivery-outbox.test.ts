// The outbox without a mail server (the embedded default) and SMS, on SQLite and PostgreSQL: a
// queued message is 'recorded' by the real workers and readable, link included, at
// GET /api/v1/outbox over real HTTP (admin only); filters and pages; one row per dedupe key; a
// phone-only signer gets the link and the code by SMS (SMS_GATEWAY=test) or in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSmsTo } from '../../runtime/delivery/sms-gateway.ts';
import type { WorkerPool } from '../../runtime/jobs/start-workers.ts';
import type { OutboxMessage, OutboxMessageList } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import {
  type DeliveryServices,
  deliveryServices,
  deliveryWorkers,
  insertEnvelope,
  invitation,
  outboxRow,
  queue,
  trailEntries,
  waitForStatus,
} from '../support/delivery-fixtures.ts';
import { issueToken, startTestServer } from '../support/test-services.ts';

describe.each(dialects)('outbox on %s', (dialect) => {
  let services: DeliveryServices;
  let workers: WorkerPool;
  let server: { url: string; close(): Promise<void> };
  let admin: string;
  let client: string;

  beforeAll(async () => {
    services = await deliveryServices(dialect, { smtpUrl: undefined, smsGateway: 'outbox' });
    workers = deliveryWorkers(services);
    server = await startTestServer(services);
    admin = await issueToken(services, 'admin');
    client = await issueToken(services, 'client');
  });

  afterAll(async () => {
    await workers?.stop(2_000);
    await server?.close();
    await services?.dispose();
  });

  const get = async (query: string, token = admin) =>
    fetch(`${server.url}/api/v1/outbox${query}`, { headers: { authorization: `Bearer ${token}` } });

  it('records an email without SMTP_URL and shows it, link included, to an admin', async () => {
    const envelopeId = await insertEnvelope(services);
    const request = invitation(envelopeId, { email: 'newcomer@client.example' });
    const queued = await queue(services, request);
    await waitForStatus(services, queued.messageId, 'recorded');
    expect((await outboxRow(services, queued.messageId)).provider).toBe('outbox');

    const delivered = (await trailEntries(services, envelopeId)).filter((entry) => entry.kind === 'delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.details).toMatchObject({
      channel: 'outbox',
      to: 'n•••@client.example',
      purpose: 'invitation',
    });
    expect(JSON.stringify(await trailEntries(services, envelopeId))).not.toContain(request.context.link);

    const response = await get(`?envelopeId=${envelopeId}`);
    expect(response.status).toBe(200);
    const list = (await response.json()) as OutboxMessageList;
    expect(list.items).toHaveLength(1);
    const item = list.items[0] as OutboxMessage;
    expect(item).toMatchObject({
      id: queued.messageId,
      envelopeId,
      channel: 'email',
      to: 'newcomer@client.example',
      purpose: 'invitation',
      status: 'recorded',
      subject: 'Acme Ltda asks you to sign Service contract',
      lastError: null,
    });
    expect(item.text).toContain(request.context.link);
    expect(item.sentAt).not.toBeNull();
  });

  it('answers 403 to a client token and 401 without one', async () => {
    const forbidden = await get('', client);
    expect(forbidden.status).toBe(403);
    expect(JSON.stringify(await forbidden.json())).not.toContain('/sign/');
    expect((await fetch(`${server.url}/api/v1/outbox`)).status).toBe(401);
  });

  it('filters by to, purpose and status, newest first, a page at a time', async () => {
    const to = `pages-${dialect}@client.example`;
    const ids: string[] = [];
    for (const purpose of ['invitation', 'reminder', 'invitation'] as const) {
      const queued = await queue(services, invitation(null, { email: to }, { purpose }));
      await waitForStatus(services, queued.messageId, 'recorded');
      ids.push(queued.messageId);
    }
    const all = (await (await get(`?to=${encodeURIComponent(to)}`)).json()) as OutboxMessageList;
    expect(all.items.map((item) => item.id).sort()).toEqual([...ids].sort());
    const createdAt = all.items.map((item) => item.createdAt);
    expect(createdAt).toEqual([...createdAt].sort().reverse());

    const reminders = (await (await get(`?to=${encodeURIComponent(to)}&purpose=reminder`)).json()) as OutboxMessageList;
    expect(reminders.items.map((item) => item.id)).toEqual([ids[1]]);
    expect(reminders.items[0]?.subject).toBe('Reminder: Service contract is waiting for your signature');
    const queuedOnes = (await (await get(`?to=${encodeURIComponent(to)}&status=queued`)).json()) as OutboxMessageList;
    expect(queuedOnes.items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await (
        await get(`?to=${encodeURIComponent(to)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as OutboxMessageList;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((item) => item.id));
  });

  it('refuses bad queries with 400', async () => {
    for (const query of ['?limit=201', '?limit=0', '?status=lost', '?purpose=spam', '?cursor=not-a-cursor']) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
    }
  });

  it('queues one row and one job for a dedupe key used twice', async () => {
    const request = invitation(null, { email: `dedupe-${dialect}@client.example` });
    const first = await queue(services, request);
    const second = await queue(services, request);
    expect(second).toEqual({ ...first, queued: false });
    const rows = await services.database.db
      .selectFrom('outbox')
      .select('id')
      .where('dedupe_key', '=', request.dedupeKey)
      .execute();
    expect(rows).toHaveLength(1);
    const jobs = await services.database.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', `deliver-message:${request.dedupeKey}`)
      .execute();
    expect(jobs).toHaveLength(1);
    await waitForStatus(services, first.messageId, 'recorded');
  });

  it('keeps a phone-only signer’s SMS in the outbox when no SMS gateway is set', async () => {
    const phone = `+55 11 9${dialect === 'sqlite' ? '1111' : '2222'} 0001`;
    const request = invitation(null, { phone });
    const queued = await queue(services, request);
    expect(queued.channel).toBe('sms');
    await waitForStatus(services, queued.messageId, 'recorded');
    const row = await outboxRow(services, queued.messageId);
    expect(row.html).toBeNull();
    expect(row.text).toContain(request.context.link);
    expect(testSmsTo(phone)).toHaveLength(0);
  });
});

describe.each(dialects)('SMS with SMS_GATEWAY=test on %s', (dialect) => {
  let services: DeliveryServices;
  let workers: WorkerPool;

  beforeAll(async () => {
    services = await deliveryServices(dialect, { smtpUrl: undefined, smsGateway: 'test' });
    workers = deliveryWorkers(services);
  });

  afterAll(async () => {
    await workers?.stop(2_000);
    await services?.dispose();
  });

  it('sends a phone-only signer the link and then the one-time code, never into the trail', async () => {
    const phone = `+55 21 9${dialect === 'sqlite' ? '3333' : '4444'} 4321`;
    const envelopeId = await insertEnvelope(services);
    const link = invitation(envelopeId, { phone, language: 'pt-BR' });
    const linkQueued = await queue(services, link);
    await waitForStatus(services, linkQueued.messageId, 'sent');
    const code = await queue(services, {
      ...link,
      purpose: 'code',
      context: { documentTitle: 'Service contract', senderCompany: 'Acme Ltda', expiresAt: null, code: '482913' },
      dedupeKey: `${link.dedupeKey}:code`,
    });
    await waitForStatus(services, code.messageId, 'sent');

    const messages = testSmsTo(phone);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.text).toContain(link.context.link);
    expect(messages[0]?.text).toMatch(/^Acme Ltda pede sua assinatura em Service contract\. Abra: /);
    expect(messages[1]?.text).toBe('Seu código para Service contract: 482913. Vale por 5 minutos.');
    const row = await outboxRow(services, code.messageId);
    expect(row).toMatchObject({ channel: 'sms', provider: 'test', provider_id: messages[1]?.providerId });

    const entries = await trailEntries(services, envelopeId);
    const delivered = entries.filter((entry) => entry.kind === 'delivered');
    expect(delivered).toHaveLength(2);
    expect(delivered[0]?.details).toMatchObject({ channel: 'sms', to: '+55 •••• 4321' });
    const trailText = JSON.stringify(entries);
    expect(trailText).not.toContain('482913');
    expect(trailText).not.toContain(link.context.link);
    expect(trailText).not.toContain(phone);
  });
});
