// POST /api/v1/events over real HTTP against real SQLite and PostgreSQL: acceptance, redelivery,
// concurrent redelivery, a reused eventId, and every bad input with its 4xx and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealEvent, EventAccepted } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { type EventPathHarness, openEventPathHarness } from '../support/event-path-harness.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { seedPipelineOf } from '../support/seed-event-path.ts';

let sequence = 0;
function freshEvent(): DealEvent {
  return { ...exampleEvent('contract'), eventId: `intake-${Date.now()}-${++sequence}` };
}

describe.each(dialects)('event intake on %s', (dialect) => {
  let harness: EventPathHarness;

  beforeAll(async () => {
    harness = await openEventPathHarness({ dialect });
    await seedPipelineOf(harness.services, demoFlow());
  });
  afterAll(async () => harness?.close());

  function post(body: string | object, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${harness.baseUrl}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.tokens.client}`, 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function counts() {
    const { db } = harness.services.database;
    const count = async (table: 'events' | 'runs' | 'jobs') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string | number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { events: await count('events'), runs: await count('runs'), jobs: await count('jobs') };
  }

  it('accepts an event with 202: event, run (accepted) and one evaluate-run job, stored together', async () => {
    const event = freshEvent();
    const response = await post(event);
    expect(response.status).toBe(202);
    const body = (await response.json()) as EventAccepted;
    expect(body).toEqual({ runId: expect.any(String), eventId: event.eventId, status: 'accepted', duplicate: false });
    expect(response.headers.get('location')).toBe(`/api/v1/runs/${body.runId}`);
    const { db } = harness.services.database;
    const run = await db.selectFrom('runs').selectAll().where('id', '=', body.runId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ event_id: event.eventId, pipeline_id: 'sales', deal_id: 'D-1042', status: 'accepted' });
    const stored = await db
      .selectFrom('events')
      .selectAll()
      .where('event_id', '=', event.eventId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.payload)).toEqual(event);
    const jobs = await db.selectFrom('jobs').selectAll().where('run_id', '=', body.runId).execute();
    expect(jobs).toEqual([
      expect.objectContaining({ kind: 'evaluate-run', status: 'queued', dedupe_key: `run:${body.runId}` }),
    ]);
  });

  it('answers a redelivered eventId with the same run (200, duplicate) and stores nothing new', async () => {
    const event = freshEvent();
    const first = (await (await post(event)).json()) as EventAccepted;
    const before = await counts();
    const again = await post({ ...event, deal: { ...event.deal } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      runId: first.runId,
      eventId: event.eventId,
      status: 'accepted',
      duplicate: true,
    });
    expect(await counts()).toEqual(before);
  });

  it('makes one run when 20 identical events arrive at once', async () => {
    const event = freshEvent();
    const before = await counts();
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(event)));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as EventAccepted[];
    expect(responses.map((response) => response.status).sort()).toEqual([...Array(19).fill(200), 202]);
    expect(new Set(bodies.map((body) => body.runId)).size).toBe(1);
    expect(bodies.filter((body) => !body.duplicate)).toHaveLength(1);
    expect(await counts()).toEqual({ events: before.events + 1, runs: before.runs + 1, jobs: before.jobs + 1 });
  });

  it('makes one run per eventId when different events and duplicates are mixed in one burst', async () => {
    const events = Array.from({ length: 10 }, () => freshEvent());
    const before = await counts();
    const burst = [...events, ...events, ...events].map((event) => post(event));
    const responses = await Promise.all(burst);
    expect(responses.filter((response) => response.status === 202)).toHaveLength(10);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(20);
    expect(await counts()).toEqual({ events: before.events + 10, runs: before.runs + 10, jobs: before.jobs + 10 });
  });

  it('refuses the same eventId with a different payload (409 EVENT_ID_REUSED)', async () => {
    const event = freshEvent();
    await post(event);
    const before = await counts();
    const response = await post({ ...event, deal: { ...event.deal, amount: 1 } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('EVENT_ID_REUSED');
    expect(await counts()).toEqual(before);
  });

  const badInputs: { name: string; send: () => Promise<Response>; status: number; code: string; pointer?: string }[] = [
    { name: 'not JSON', send: () => post('{"eventId": '), status: 400, code: 'JSON_INVALID' },
    {
      name: 'a wrong content type',
      send: () => post(JSON.stringify(freshEvent()), { 'content-type': 'text/plain' }),
      status: 415,
      code: 'JSON_REQUIRED',
    },
    {
      name: 'a schema violation',
      send: () => post({ ...freshEvent(), deal: { ...freshEvent().deal, amount: 'lots' } }),
      status: 400,
      code: 'BODY_INVALID',
      pointer: '/deal/amount',
    },
    {
      name: 'a missing property',
      send: () => {
        const { occurredAt: _dropped, ...rest } = freshEvent();
        return post(rest);
      },
      status: 400,
      code: 'BODY_INVALID',
      pointer: '/',
    },
    {
      name: 'an unknown pipeline',
      send: () => post({ ...freshEvent(), pipelineId: 'nowhere' }),
      status: 400,
      code: 'PIPELINE_UNKNOWN',
      pointer: '/pipelineId',
    },
    {
      name: 'an unknown stage',
      send: () => post({ ...freshEvent(), deal: { ...freshEvent().deal, stageId: 'limbo' } }),
      status: 400,
      code: 'STAGE_UNKNOWN',
      pointer: '/deal/stageId',
    },
    {
      name: "an eventId in inkflow's own reserved form",
      send: () => post({ ...freshEvent(), eventId: 'inkflow:env_1:completed' }),
      status: 400,
      code: 'EVENT_ID_RESERVED',
      pointer: '/eventId',
    },
    {
      name: 'an oversized body',
      send: () => {
        const event = freshEvent();
        const fields = Object.fromEntries(Array.from({ length: 400 }, (_, n) => [`f${n}`, 'x'.repeat(3_000)]));
        return post({ ...event, deal: { ...event.deal, fields } });
      },
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'no token',
      send: () => post(freshEvent(), { authorization: '' }),
      status: 401,
      code: 'TOKEN_REQUIRED',
    },
    {
      name: 'an analyst token',
      send: () => post(freshEvent(), { authorization: `Bearer ${harness.tokens.analyst}` }),
      status: 403,
      code: 'ROLE_FORBIDDEN',
    },
  ];

  it.each(badInputs)('refuses $name with $status $code and stores nothing', async ({ send, status, code, pointer }) => {
    const before = await counts();
    const response = await send();
    expect(response.status).toBe(status);
    const body = (await response.json()) as {
      error: { code: string; message: string; details?: { pointer: string }[] };
    };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    if (pointer) expect(body.error.details?.map((detail) => detail.pointer)).toContain(pointer);
    expect(await counts()).toEqual(before);
  });

  it('names the pipeline stages when refusing an unknown stage', async () => {
    const response = await post({ ...freshEvent(), deal: { ...freshEvent().deal, stageId: 'limbo' } });
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toContain('lead, qualified, proposal, contract, invoice, won, lost');
  });
});
