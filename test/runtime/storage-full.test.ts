// A full database (SQLite's page budget capped with max_page_count, as a full disk would): intake
// answers 503 STORAGE_FULL with Retry-After instead of 500, the log has the real SQLITE_FULL (not
// "cannot rollback - no transaction is active"), nothing of the refused event is stored, /healthz
// says 503 naming the database, and once there is room the same event is accepted.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, DealEvent, Health } from '../../schemas/index.ts';
import { capturedLogger } from '../support/captured-logger.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { seedPipelineOf } from '../support/seed-event-path.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';

describe('a full SQLite database', () => {
  const { logger, entries } = capturedLogger('info');
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let token: string;

  beforeAll(async () => {
    services = await createTestServices({ dialect: 'sqlite' });
    services.logger = logger;
    await seedPipelineOf(services, demoFlow());
    server = await startTestServer(services);
    token = await issueToken(services, 'client');
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  const post = (event: DealEvent) =>
    fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });

  /** An event that needs a few pages of its own: a long note in a custom field. */
  const bulkyEvent = (n: number): DealEvent => {
    const base = exampleEvent('contract');
    return {
      ...base,
      eventId: `full-${n}`,
      deal: { ...base.deal, fields: { ...base.deal.fields, note: `${n} ${'x'.repeat(30_000)}` } },
    };
  };

  async function stored(eventId: string) {
    const { db } = services.database;
    const events = await db.selectFrom('events').select('run_id').where('event_id', '=', eventId).execute();
    const runs = await db.selectFrom('runs').select('id').where('event_id', '=', eventId).execute();
    return { events: events.length, runs: runs.length };
  }

  it('answers 503 with Retry-After, logs SQLITE_FULL, stores nothing, and reports the database on /healthz', async () => {
    const { db } = services.database;
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(db);
    await sql.raw(`pragma max_page_count = ${Number(pages.rows[0]?.page_count) + 8}`).execute(db);

    let refused: { response: Response; eventId: string } | undefined;
    for (let n = 0; n < 20 && !refused; n++) {
      const event = bulkyEvent(n);
      const response = await post(event);
      if (response.status !== 202) refused = { response, eventId: event.eventId };
    }
    expect(refused, 'the capped database refuses an event').toBeDefined();
    const { response, eventId } = refused!;
    expect(response.status).toBe(503);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await response.json()) as ApiError).error.code).toBe('STORAGE_FULL');
    expect(await stored(eventId)).toEqual({ events: 0, runs: 0 });

    const lines = entries.map((entry) => JSON.stringify(entry));
    expect(lines.some((line) => line.includes('SQLITE_FULL'))).toBe(true);
    expect(lines.filter((line) => line.includes('cannot rollback'))).toEqual([]);
    expect(lines.filter((line) => line.includes('"INTERNAL"') || line.includes('unexpected error'))).toEqual([]);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as Health;
    expect(body.status).toBe('degraded');
    expect(body.database.ok).toBe(false);
    expect(body.database.detail).toMatch(/full/);

    // Room again: the same event is accepted as new, and the database is healthy once it was written.
    await sql.raw('pragma max_page_count = 1073741823').execute(db);
    const retried = await post(bulkyEvent(Number(eventId.slice('full-'.length))));
    expect(retried.status).toBe(202);
    expect(((await retried.json()) as { duplicate: boolean }).duplicate).toBe(false);
    expect(await stored(eventId)).toEqual({ events: 1, runs: 1 });
    const healthy = (await (await fetch(`${server.url}/healthz`)).json()) as Health;
    expect(healthy.database).toEqual({ ok: true, detail: 'sqlite' });
  });
});
