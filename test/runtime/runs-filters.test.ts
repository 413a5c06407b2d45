// GET /api/v1/runs for the runs screen, over real HTTP on SQLite and PostgreSQL: every filter (deal,
// pipeline, the stage the event entered, a document type made, status, time) and pages by cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../runtime/demo/seed-demo.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, DealEvent, EventAccepted, Run } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { exampleEvent } from '../support/examples.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi } from './admin-api.ts';

function event(at: number, stageId: string): DealEvent {
  const sent = exampleEvent(stageId === 'invoice' ? 'invoice' : 'contract');
  sent.eventId = `rf-${at}`;
  sent.deal = { ...sent.deal, id: `D-rf-${at % 3}`, stageId };
  return sent;
}

describe.each(dialects)('runs filters on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let api: AdminApi;
  const runIds: string[] = [];
  const ids = (runs: Run[]) => runs.map((run) => run.eventId);

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    await seedDemo(services);
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin'));
    // rf-0 … rf-5; contract at even, invoice at odd positions; deals D-rf-0, D-rf-1, D-rf-2.
    for (let at = 0; at < 6; at++) {
      const sent = await api.call<EventAccepted>('POST', '/api/v1/events', {
        body: event(at, at % 2 === 0 ? 'contract' : 'invoice'),
      });
      expect(sent.status).toBe(202);
      runIds.push(sent.body.runId);
      await new Promise((resolve) => setTimeout(resolve, 5)); // distinct createdAt per run
    }
    const { db } = services.database;
    await db
      .updateTable('runs')
      .set({ status: 'failed' })
      .where('id', '=', runIds[4] as string)
      .execute();
    await db
      .insertInto('documents')
      .values({
        id: 'doc-rf-2',
        run_id: runIds[2] as string,
        deal_id: 'D-rf-2',
        document_type: 'contract',
        template_id: 'contract-large',
        rule_name: 'sales-documents:enter-contract->send-contract-large',
        action_key: `rule:${runIds[2]}:large`,
        status: 'ready',
        docx: new Uint8Array([1]),
        pdf: new Uint8Array([1]),
        signing: JSON.stringify({
          companySigner: { kind: 'responsibleUser' },
          counterparties: { kind: 'allContacts' },
          signingOrder: 'parallel',
          linkExpiryDays: 14,
          signers: [],
        }),
        deal: '{}',
        warnings: '[]',
        created_at: new Date().toISOString(),
      })
      .execute();
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  const list = (query: string) => api.call<Run[]>('GET', `/api/v1/runs?${query}`);

  it('lists the newest runs without any filter, and by pipeline', async () => {
    expect(ids((await list('')).body)).toEqual(['rf-5', 'rf-4', 'rf-3', 'rf-2', 'rf-1', 'rf-0']);
    expect(ids((await list('pipelineId=sales')).body)).toHaveLength(6);
    expect((await list('pipelineId=other')).body).toEqual([]);
  });

  it('filters by deal, stage entered, document type made and status, together', async () => {
    expect(ids((await list('dealId=D-rf-1')).body)).toEqual(['rf-4', 'rf-1']);
    expect(ids((await list('stageId=invoice')).body)).toEqual(['rf-5', 'rf-3', 'rf-1']);
    expect(ids((await list('documentType=contract')).body)).toEqual(['rf-2']);
    expect((await list('documentType=contract')).body[0]?.documents.map((document) => document.id)).toEqual([
      'doc-rf-2',
    ]);
    expect(ids((await list('status=failed')).body)).toEqual(['rf-4']);
    expect(ids((await list('status=accepted&stageId=contract')).body)).toEqual(['rf-2', 'rf-0']);
  });

  it('filters by time, both bounds inclusive', async () => {
    const all = (await list('')).body;
    const [newest, , , third] = all;
    const since = encodeURIComponent(third?.createdAt as string);
    expect(ids((await list(`since=${since}`)).body)).toEqual(['rf-5', 'rf-4', 'rf-3', 'rf-2']);
    expect(ids((await list(`until=${since}`)).body)).toEqual(['rf-2', 'rf-1', 'rf-0']);
    expect(
      ids((await list(`since=${since}&until=${encodeURIComponent(newest?.createdAt as string)}`)).body),
    ).toHaveLength(4);
  });

  it('pages with limit and the last run id as cursor', async () => {
    const first = await list('limit=4');
    expect(ids(first.body)).toEqual(['rf-5', 'rf-4', 'rf-3', 'rf-2']);
    const next = await list(`limit=4&before=${first.body.at(-1)?.id}`);
    expect(ids(next.body)).toEqual(['rf-1', 'rf-0']);
  });

  it('answers 400 naming the parameter for a bad status, time, limit or cursor', async () => {
    for (const query of [
      'status=done',
      'since=yesterday',
      'until=2026-13-45T00:00',
      'limit=201',
      'limit=0',
      'before=nope',
    ]) {
      const answer = await api.call<ApiError>('GET', `/api/v1/runs?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.details?.[0]?.pointer, query).toBe(`/${query.split('=')[0]}`);
    }
  });
});
