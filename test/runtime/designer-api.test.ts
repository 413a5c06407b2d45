// What the designer asks of the runtime, over real HTTP on real SQLite with the demo seeded:
// who am I, the stored events of a pipeline, and the backtest of a draft against the active version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../runtime/demo/seed-demo.ts';
import { listStoredEvents } from '../../runtime/events/list-stored-events.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type {
  ApiError,
  BacktestResult,
  ConditionNode,
  DealEvent,
  Flow,
  FlowVersionInfo,
  Me,
  StoredEvent,
  StoredEventList,
} from '../../schemas/index.ts';
import { bigFlow } from '../support/big-flow.ts';
import { dialects } from '../support/database-places.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi } from './admin-api.ts';

const flowId = 'sales-documents';
const largeRule = `${flowId}:enter-contract->send-contract-large`;
const standardRule = `${flowId}:enter-contract->send-contract-standard`;

function withThreshold(flow: Flow, amount: number): Flow {
  const nodes = flow.nodes.map((node) =>
    node.type === 'condition'
      ? ({
          ...node,
          data: { ...node.data, conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: amount }] } },
        } as ConditionNode)
      : node,
  );
  return { ...flow, nodes };
}

/** Contract events with amounts 10,000 … 100,000 (step 10,000), sent in this order. */
function contractEvents(): DealEvent[] {
  return Array.from({ length: 10 }, (_, at) => {
    const event = exampleEvent('contract');
    event.eventId = `bt-${at}`;
    event.deal = { ...event.deal, id: `D-bt-${at}`, amount: (at + 1) * 10_000 };
    return event;
  });
}

describe.each(dialects)('designer API on %s: me, stored events, backtest', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let api: AdminApi;
  let analyst: string;
  let client: string;

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    await seedDemo(services);
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin', 'designer admin'));
    analyst = await issueToken(services, 'analyst');
    client = await issueToken(services, 'client');
    for (const event of contractEvents()) {
      const sent = await api.call('POST', '/api/v1/events', { token: client, body: event });
      expect(sent.status).toBe(202);
    }
    const invoice = exampleEvent('invoice');
    expect((await api.call('POST', '/api/v1/events', { token: client, body: invoice })).status).toBe(202);
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('GET /me names the token and its role, for every role', async () => {
    const me = await api.call<Me>('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'designer admin', role: 'admin' });
    expect(me.body.tokenId).toEqual(expect.any(String));
    expect((await api.call<Me>('GET', '/api/v1/me', { token: analyst })).body.role).toBe('analyst');
    expect((await api.call('GET', '/api/v1/me', { token: null })).status).toBe(401);
  });

  it('lists the stored events of a pipeline newest first, a page at a time', async () => {
    const first = await api.call<StoredEventList>('GET', '/api/v1/pipelines/sales/events?limit=4');
    expect(first.status).toBe(200);
    expect(first.body.events.map((event) => event.eventId)).toEqual([
      exampleEvent('invoice').eventId,
      'bt-9',
      'bt-8',
      'bt-7',
    ]);
    expect(first.body.events[1]).toMatchObject({ dealId: 'D-bt-9', stageId: 'contract', type: 'deal.stage_changed' });
    expect(first.body.events[1]?.event.deal.amount).toBe(100_000);
    const second = await api.call<StoredEventList>(
      'GET',
      `/api/v1/pipelines/sales/events?limit=4&before=${first.body.nextBefore}`,
    );
    expect(second.body.events.map((event) => event.eventId)).toEqual(['bt-6', 'bt-5', 'bt-4', 'bt-3']);
    const last = await api.call<StoredEventList>(
      'GET',
      `/api/v1/pipelines/sales/events?limit=4&before=${second.body.nextBefore}`,
    );
    expect(last.body.events.map((event) => event.eventId)).toEqual(['bt-2', 'bt-1', 'bt-0']);
    expect(last.body.nextBefore).toBeUndefined();
    expect((await api.call<StoredEventList>('GET', '/api/v1/pipelines/other/events')).body.events).toEqual([]);
  });

  it('ends a page at its byte budget and continues from there on the next', async () => {
    const oneEvent = JSON.stringify((await api.call<StoredEvent>('GET', '/api/v1/events/bt-9')).body.event).length;
    const page = await listStoredEvents(services, { pipelineId: 'sales', limit: 50 }, oneEvent * 3 + 10);
    expect(page.events.map((event) => event.eventId)).toEqual([exampleEvent('invoice').eventId, 'bt-9', 'bt-8']);
    expect(page.nextBefore).toBe('bt-8');
  });

  it('refuses bad pages with a 400 that names the parameter, and analysts (personal data)', async () => {
    for (const query of ['limit=0', 'limit=201', 'limit=ten', 'before=nope']) {
      const answer = await api.call<ApiError>('GET', `/api/v1/pipelines/sales/events?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.details?.[0]?.pointer, query).toBe(`/${query.split('=')[0]}`);
    }
    expect((await api.call('GET', '/api/v1/pipelines/sales/events', { token: analyst })).status).toBe(403);
  });

  it('reads one stored event, or 404', async () => {
    const one = await api.call<StoredEvent>('GET', '/api/v1/events/bt-3');
    expect(one.status).toBe(200);
    expect(one.body.event.deal.id).toBe('D-bt-3');
    expect(one.body.runId).toEqual(expect.any(String));
    expect((await api.call('GET', '/api/v1/events/never-sent')).status).toBe(404);
  });

  it('backtests the stored draft (the demo, as published): nothing changes', async () => {
    const answer = await api.call<BacktestResult>('POST', `/api/v1/flows/${flowId}/backtest`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ flowId, activeVersion: 1, eventsCompared: 11, eventsChanged: 0 });
    expect(answer.body.differences).toEqual([]);
    const large = answer.body.perRule.find((rule) => rule.ruleName === largeRule);
    expect(large).toEqual({ ruleName: largeRule, draftFired: 5, activeFired: 5 });
  });

  it('backtests a sent draft: the events whose template changes, with both plans and counts per rule', async () => {
    const draft = withThreshold(demoFlow(), 75_000);
    const answer = await api.call<BacktestResult>('POST', `/api/v1/flows/${flowId}/backtest`, {
      body: { draft, limit: 100 },
    });
    expect(answer.status).toBe(200);
    // 60,000 and 70,000 were large deals and are standard ones in the draft.
    expect(answer.body.eventsChanged).toBe(2);
    expect(answer.body.differences.map((difference) => difference.eventId)).toEqual(['bt-6', 'bt-5']);
    const [first] = answer.body.differences;
    // The large-deal contract is signed by the director, the standard one by the responsible user.
    expect(first?.kinds).toEqual(['template', 'signers']);
    expect(first?.active.actions[0]).toMatchObject({ templateId: 'contract-large' });
    expect(first?.draft.actions[0]).toMatchObject({ templateId: 'contract-standard' });
    expect(first?.draft.trace).toBeUndefined();
    expect(answer.body.perRule.find((rule) => rule.ruleName === largeRule)).toMatchObject({
      draftFired: 3,
      activeFired: 5,
    });
    expect(answer.body.perRule.find((rule) => rule.ruleName === standardRule)).toMatchObject({
      draftFired: 7,
      activeFired: 5,
    });
    expect(answer.body.truncated).toBe(false);
  });

  it('compares only the newest `limit` events', async () => {
    const draft = withThreshold(demoFlow(), 75_000);
    const answer = await api.call<BacktestResult>('POST', `/api/v1/flows/${flowId}/backtest`, {
      body: { draft, limit: 4 },
    });
    expect(answer.body.eventsCompared).toBe(4);
    expect(answer.body.eventsChanged).toBe(0);
  });

  it('gives analysts the counts and no events (plans name signers)', async () => {
    const draft = withThreshold(demoFlow(), 75_000);
    const answer = await api.call<BacktestResult>('POST', `/api/v1/flows/${flowId}/backtest`, {
      token: analyst,
      body: { draft },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.eventsChanged).toBe(2);
    expect(answer.body.differences).toEqual([]);
    expect(JSON.stringify(answer.body)).not.toContain('@globex.example');
    expect((await api.call('POST', `/api/v1/flows/${flowId}/backtest`, { token: client, body: {} })).status).toBe(403);
  });

  it('backtests a 500-node draft (checked in the flow-check worker) of a flow never published', async () => {
    const draft = bigFlow();
    expect((await api.call('POST', '/api/v1/flows', { body: { draft } })).status).toBe(201);
    const answer = await api.call<BacktestResult>('POST', `/api/v1/flows/${draft.id}/backtest`, { body: { draft } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ flowId: draft.id, activeVersion: null, eventsCompared: 0, eventsChanged: 0 });
  });

  it('refuses an invalid draft, a draft of another flow, a limit out of bounds, and unknown flows', async () => {
    const broken = demoFlow();
    const send = broken.nodes.find((node) => node.id === 'send-invoice');
    if (send?.type === 'sendDocument') send.data.templateId = 'no-such-template';
    const invalid = await api.call<ApiError>('POST', `/api/v1/flows/${flowId}/backtest`, { body: { draft: broken } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('FLOW_INVALID');
    expect(invalid.body.error.details?.[0]).toMatchObject({ nodeId: 'send-invoice' });
    const other = await api.call<ApiError>('POST', `/api/v1/flows/${flowId}/backtest`, {
      body: { draft: { ...demoFlow(), id: 'another-flow' } },
    });
    expect(other.body.error).toMatchObject({ code: 'DRAFT_ID_MISMATCH', details: [{ pointer: '/draft/id' }] });
    const tooMany = await api.call<ApiError>('POST', `/api/v1/flows/${flowId}/backtest`, { body: { limit: 10_001 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details?.[0]?.pointer).toBe('/limit');
    expect((await api.call('POST', '/api/v1/flows/unknown/backtest', { body: {} })).status).toBe(404);
  });
});

describe('publishing with a message, for the version history', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let api: AdminApi;

  beforeAll(async () => {
    services = await createTestServices();
    await seedDemo(services);
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin', 'Maria at the desk'));
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('records the message and the token name, and lists them with every version', async () => {
    const published = await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`, {
      body: { message: 'Large deals from 75,000' },
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      version: 2,
      message: 'Large deals from 75,000',
      publishedBy: 'Maria at the desk',
    });
    const versions = await api.call<FlowVersionInfo[]>('GET', `/api/v1/flows/${flowId}/versions`);
    expect(versions.body.map(({ version, message, publishedBy }) => ({ version, message, publishedBy }))).toEqual([
      { version: 2, message: 'Large deals from 75,000', publishedBy: 'Maria at the desk' },
      // The demo is published at first start by the runtime itself, without a token or a message.
      { version: 1, message: null, publishedBy: null },
    ]);
    const detail = await api.call<FlowVersionInfo>('GET', `/api/v1/flows/${flowId}/versions/2`);
    expect(detail.body).toMatchObject({ message: 'Large deals from 75,000', publishedBy: 'Maria at the desk' });
  });

  it('publishes without a body as before, and refuses a message over 500 characters', async () => {
    const plain = await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`);
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ version: 3, message: null, publishedBy: 'Maria at the desk' });
    const long = await api.call<ApiError>('POST', `/api/v1/flows/${flowId}/publish`, {
      body: { message: 'x'.repeat(501) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details?.[0]?.pointer).toBe('/message');
    expect((await api.call<FlowVersionInfo[]>('GET', `/api/v1/flows/${flowId}/versions`)).body).toHaveLength(3);
  });
});
