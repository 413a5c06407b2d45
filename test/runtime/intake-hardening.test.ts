// What intake refuses and what it keeps, over real HTTP on SQLite and PostgreSQL: answers with
// bounded details, text the renderer cannot handle, ids that are not well-formed Unicode, numbers
// JSON can spell but a document cannot hold, and redeliveries compared on a canonical form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, DealEvent, EventAccepted } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { seedPipelineOf } from '../support/seed-event-path.ts';

let sequence = 0;
const freshEvent = (): DealEvent => ({ ...exampleEvent('contract'), eventId: `hardening-${Date.now()}-${++sequence}` });

describe.each(dialects)('intake hardening on %s', (dialect) => {
  let harness: EventPathHarness;

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect });
    await seedPipelineOf(harness.services, demoFlow());
  });
  afterAll(async () => harness?.close());

  function send(method: string, path: string, body: string, token = harness.tokens.client): Promise<Response> {
    return fetch(`${harness.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
  }
  const post = (body: string) => send('POST', '/events', body);

  async function count(table: 'events' | 'runs' | 'jobs'): Promise<number> {
    const row = await harness.services.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function expectRefused(response: Response, code: string, pointer: string): Promise<ApiError['error']> {
    const text = await response.text();
    expect({ status: response.status, text: text.slice(0, 400) }).toMatchObject({ status: 400 });
    const error = (JSON.parse(text) as ApiError).error;
    expect(error.code).toBe(code);
    expect(error.details?.map((detail) => detail.pointer)).toContain(pointer);
    return error;
  }

  it('answers 100,000 invalid contacts with at most 50 details and the total, in a few kilobytes', async () => {
    const event = freshEvent();
    const body = JSON.stringify({
      ...event,
      deal: { ...event.deal, contacts: Array.from({ length: 100_000 }, () => ({})) },
    });
    expect(body.length).toBeLessThan(1_048_576);
    const response = await post(body);
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(20_000);
    const error = (JSON.parse(text) as ApiError).error;
    expect(error.details).toHaveLength(50);
    expect(error.truncated).toEqual({ shown: 50, total: expect.any(Number) });
    expect(error.truncated?.total).toBeGreaterThan(50);
  });

  it.each([
    [
      'a control character in the title',
      (e: DealEvent) => ({ ...e, deal: { ...e.deal, title: 'Annual\u0000support' } }),
      '/deal/title',
    ],
    [
      'an escape character in a contact name',
      (e: DealEvent) => ({ ...e, deal: { ...e.deal, contacts: [{ id: 'P-5', name: 'Ana\u001bSouza' }] } }),
      '/deal/contacts/0/name',
    ],
    [
      'a form feed in a custom field',
      (e: DealEvent) => ({ ...e, deal: { ...e.deal, fields: { region: 'EU\u000c' } } }),
      '/deal/fields/region',
    ],
    [
      'a control character in the deal id',
      (e: DealEvent) => ({ ...e, deal: { ...e.deal, id: 'D-\u0001' } }),
      '/deal/id',
    ],
  ])('refuses %s with 400 TEXT_INVALID and its pointer, storing nothing', async (_name, change, pointer) => {
    const before = await count('events');
    const error = await expectRefused(await post(JSON.stringify(change(freshEvent()))), 'TEXT_INVALID', pointer);
    expect(error.message).toMatch(/control character U\+00/);
    expect(await count('events')).toBe(before);
  });

  it('keeps tabs, line breaks and non-Latin text', async () => {
    const event = freshEvent();
    const prose = { ...event, deal: { ...event.deal, title: 'Linha 1\nLinha 2\r\n\tSão Paulo — 合同 😀' } };
    expect((await post(JSON.stringify(prose))).status).toBe(202);
  });

  it('refuses an eventId with a lone surrogate (it was stored under another key and answered "duplicate of run undefined")', async () => {
    const before = await count('events');
    const body = JSON.stringify(freshEvent()).replace(/"eventId":"([^"]+)"/, '"eventId":"$1\\ud800"');
    expect(body).toContain('\\ud800');
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await post(body);
      expect(response.headers.get('location')).toBeNull();
      const error = await expectRefused(response, 'TEXT_INVALID', '/eventId');
      expect(error.message).toContain('surrogate');
    }
    const inName = JSON.stringify(freshEvent()).replace('"Ana Souza"', '"Ana \\udc00Souza"');
    await expectRefused(await post(inName), 'TEXT_INVALID', '/deal/contacts/0/name');
    expect(await count('events')).toBe(before);
  });

  it('answers the same bytes with amount -0 twice as one run (202, then 200 duplicate), not 409', async () => {
    const body = JSON.stringify(freshEvent()).replace(/"amount":\d+/, '"amount":-0');
    expect(body).toContain('"amount":-0');
    const first = await post(body);
    expect(first.status).toBe(202);
    const accepted = (await first.json()) as EventAccepted;
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...accepted, duplicate: true });
    expect(again.headers.get('location')).toBe(`/api/v1/runs/${accepted.runId}`);
  });

  it('answers a redelivery with reordered keys and 0 for -0 as the same event', async () => {
    const event = freshEvent();
    const body = JSON.stringify({ ...event, deal: { ...event.deal, amount: 0 } });
    expect((await post(body)).status).toBe(202);
    const { deal, ...rest } = event;
    const reordered = `{"deal":${JSON.stringify({ ...deal, amount: 0 }).replace('"amount":0', '"amount":-0.0')},${JSON.stringify(rest).slice(1)}`;
    const again = await post(reordered);
    expect(again.status).toBe(200);
  });

  it('refuses 1e309 (Infinity once parsed, stored as null) with 400 NUMBER_NOT_FINITE at its pointer', async () => {
    const before = await count('events');
    const body = JSON.stringify(freshEvent()).replace(/"amount":\d+/, '"amount":1e309');
    await expectRefused(await post(body), 'NUMBER_NOT_FINITE', '/deal/amount');
    const field = JSON.stringify(freshEvent()).replace('"contractTermMonths":12', '"contractTermMonths":-1e400');
    await expectRefused(await post(field), 'NUMBER_NOT_FINITE', '/deal/fields/contractTermMonths');
    expect(await count('events')).toBe(before);
  });

  it('refuses control characters in settings, pipelines and manual documents too', async () => {
    const admin = harness.tokens.admin;
    await expectRefused(
      await send('PUT', '/settings/company', JSON.stringify({ name: 'Initech\u0007' }), admin),
      'TEXT_INVALID',
      '/name',
    );
    const pipeline = { ...demoFlow().pipeline, name: 'Sales\u0000' };
    await expectRefused(
      await send('PUT', '/pipelines/sales', JSON.stringify(pipeline), admin),
      'TEXT_INVALID',
      '/name',
    );
    const manual = { documentType: 'contract', deal: { id: 'D-1', stageId: 'contract', title: 'x\u0008' } };
    await expectRefused(
      await send('POST', '/deals/D-1/documents', JSON.stringify(manual)),
      'TEXT_INVALID',
      '/deal/title',
    );
    const badDeal = await fetch(`${harness.baseUrl}/deals/${encodeURIComponent('D-\u0001')}/documents`, {
      headers: { authorization: `Bearer ${harness.tokens.client}` },
    });
    await expectRefused(badDeal, 'DEAL_ID_INVALID', '/dealId');
  });
});
