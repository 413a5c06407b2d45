// The life of a flow over real HTTP on real SQLite and PostgreSQL: create, publish, edit, publish
// again, diff, roll back, the export analysts read, and the deletes an active flow forbids.
// The cases run in order: each builds on the versions the previous ones published.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFlow } from '../../engine/compile/compile-flow.ts';
import { loadActiveRuleSet } from '../../runtime/flows/load-active-rule-set.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type {
  ApiError,
  ConditionNode,
  Flow,
  FlowDetail,
  FlowDiff,
  FlowSummary,
  FlowVersionInfo,
  RuleSet,
} from '../../schemas/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { dialects } from '../support/database-places.ts';
import { demoFlow } from '../support/examples.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi, seedDemoReferences } from './admin-api.ts';

type VersionDetail = FlowVersionInfo & { document: Flow; ruleSet: RuleSet };

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

function withWonInvoice(flow: Flow): Flow {
  const invoice = flow.nodes.find((node) => node.id === 'send-invoice');
  if (!invoice) throw new Error('the demo flow has no send-invoice node');
  return {
    ...flow,
    nodes: [
      ...flow.nodes,
      { id: 'enter-won', type: 'stageEntered', position: { x: 0, y: 600 }, data: { stageId: 'won' } },
      { ...invoice, id: 'send-won-invoice', position: { x: 540, y: 600 } },
    ],
    edges: [...flow.edges, { id: 'e-won', source: 'enter-won', target: 'send-won-invoice' }],
  };
}

const flowId = 'sales-documents';
const contractRules = [
  `${flowId}:enter-contract->send-contract-large`,
  `${flowId}:enter-contract->send-contract-standard`,
];

describe.each(dialects)('flows API on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let api: AdminApi;
  let analyst: string;

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin'));
    analyst = await issueToken(services, 'analyst');
    await seedDemoReferences(api);
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  const version = (n: number) =>
    api.call<VersionDetail>('GET', `/api/v1/flows/${flowId}/versions/${n}`, { token: analyst });
  const diff = (from: number, to: number) =>
    api.call<FlowDiff>('GET', `/api/v1/flows/${flowId}/diff?from=${from}&to=${to}`, { token: analyst });

  it('creates the demo flow with its pipeline and no diagnostics', async () => {
    const { version: _published, ...draft } = demoFlow();
    const created = await api.call<FlowDetail>('POST', '/api/v1/flows', { body: { draft } });
    expect(created.status).toBe(201);
    expect(created.body.flow).toMatchObject({
      id: flowId,
      pipelineId: 'sales',
      activeVersion: null,
      latestVersion: null,
    });
    expect(created.body.diagnostics).toEqual([]);
    const pipeline = await api.call('GET', '/api/v1/pipelines/sales', { token: analyst });
    expect(pipeline.body).toEqual(demoFlow().pipeline);
    expect(await loadActiveRuleSet(services, 'sales')).toBeUndefined();
  });

  it('publishes version 1: active, compiled from the draft, and what event evaluation loads', async () => {
    const published = await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ flowId, version: 1, ruleCount: 5, active: true });
    const stored = await version(1);
    expect(stored.status).toBe(200);
    expect(stored.body.document.version).toBe(1);
    expect(stored.body.ruleSet).toEqual(compileFlow({ ...demoFlow(), version: 1 }));
    const active = await loadActiveRuleSet(services, 'sales');
    expect(active).toMatchObject({ flowId, version: 1 });
    expect(active?.ruleSet).toEqual(stored.body.ruleSet);
  });

  it('keeps version 1 unchanged when the draft is edited, and publishes the edit as version 2', async () => {
    const edited = await api.call<FlowDetail>('PUT', `/api/v1/flows/${flowId}/draft`, {
      body: withThreshold(demoFlow(), 80_000),
    });
    expect(edited.status).toBe(200);
    expect(edited.body.diagnostics).toEqual([]);
    const first = await version(1);
    expect(first.body.ruleSet).toEqual(compileFlow({ ...demoFlow(), version: 1 }));
    const published = await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`);
    expect(published.body).toMatchObject({ version: 2, active: true });
    expect((await loadActiveRuleSet(services, 'sales'))?.version).toBe(2);
  });

  it('diffs a changed threshold as the two contract rules changed in their conditions', async () => {
    const result = await diff(1, 2);
    expect(result.status).toBe(200);
    expect(result.body.added).toEqual([]);
    expect(result.body.removed).toEqual([]);
    expect(result.body.changed.map((change) => [change.ruleName, change.fields])).toEqual(
      contractRules.map((name) => [name, ['conditions']]),
    );
  });

  it('diffs an added trigger and action as an added rule (and the reverse as removed)', async () => {
    await api.call('PUT', `/api/v1/flows/${flowId}/draft`, { body: withWonInvoice(withThreshold(demoFlow(), 80_000)) });
    const published = await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`);
    expect(published.body).toMatchObject({ version: 3, ruleCount: 6 });
    const forward = await diff(2, 3);
    expect(forward.body.added.map((rule) => rule.name)).toEqual([`${flowId}:enter-won->send-won-invoice`]);
    expect(forward.body).toMatchObject({ removed: [], changed: [] });
    const backward = await diff(3, 2);
    expect(backward.body.removed.map((rule) => rule.name)).toEqual([`${flowId}:enter-won->send-won-invoice`]);
  });

  it('lists versions newest first and rolls back to version 1', async () => {
    const rolled = await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/rollback`, {
      body: { version: 1 },
    });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ version: 1, active: true });
    const versions = await api.call<FlowVersionInfo[]>('GET', `/api/v1/flows/${flowId}/versions`, { token: analyst });
    expect(versions.body.map((info) => [info.version, info.active])).toEqual([
      [3, false],
      [2, false],
      [1, true],
    ]);
    expect((await loadActiveRuleSet(services, 'sales'))?.version).toBe(1);
    const flows = await api.call<FlowSummary[]>('GET', '/api/v1/flows', { token: analyst });
    expect(flows.body).toEqual([expect.objectContaining({ id: flowId, activeVersion: 1, latestVersion: 3 })]);
  });

  it('exports the active version exactly as `inkflow export` does for the same flow, in CSV and JSON', async () => {
    const active = (await version(1)).body.document;
    const file = join(mkdtempSync(join(tmpdir(), 'inkflow-export-')), 'active.json');
    writeFileSync(file, JSON.stringify(active));
    for (const format of ['csv', 'json'] as const) {
      const cli = await runCli('export', file, '--format', format);
      expect(cli.code).toBe(0);
      const exported = await api.call('GET', `/api/v1/export?format=${format}`, { token: analyst });
      expect(exported.status).toBe(200);
      expect(exported.text).toBe(cli.stdout);
      const byPipeline = await api.call('GET', `/api/v1/export?format=${format}&pipelineId=sales`, { token: analyst });
      expect(byPipeline.text).toBe(cli.stdout);
    }
    const csv = await api.call('GET', '/api/v1/export?format=csv', { token: analyst });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="inkflow-rules.csv"; filename*=UTF-8''inkflow-rules.csv`,
    );
  });

  it('refuses to delete a template or an employee that the active version uses, naming the rule', async () => {
    const template = await api.call<ApiError>('DELETE', '/api/v1/templates/contract-large');
    expect(template.status).toBe(409);
    expect(template.body.error.code).toBe('TEMPLATE_IN_USE');
    expect(template.body.error.message).toContain(`flow "${flowId}" version 1`);
    expect(template.body.error.details).toEqual([expect.objectContaining({ nodeId: 'send-contract-large' })]);
    const employee = await api.call<ApiError>('DELETE', '/api/v1/employees/director');
    expect(employee.status).toBe(409);
    expect(employee.body.error.code).toBe('EMPLOYEE_IN_USE');
    expect((await api.call('GET', '/api/v1/templates/contract-large')).status).toBe(200);
    expect((await api.call('GET', '/api/v1/employees')).body).toContainEqual(
      expect.objectContaining({ id: 'director' }),
    );
  });

  it('deletes a template only inactive versions use, and then refuses a rollback to them', async () => {
    const standardOnly: Flow = {
      ...demoFlow(),
      nodes: demoFlow().nodes.map((node) =>
        node.type === 'sendDocument' && node.data.templateId === 'contract-large'
          ? { ...node, data: { ...node.data, templateId: 'contract-standard' } }
          : node,
      ),
    };
    await api.call('PUT', `/api/v1/flows/${flowId}/draft`, { body: standardOnly });
    expect((await api.call('POST', `/api/v1/flows/${flowId}/publish`)).status).toBe(201);
    const changed = await diff(1, 4);
    expect(changed.body.changed.map((change) => [change.ruleName, change.fields])).toEqual([
      [contractRules[0], ['action.templateId']],
    ]);
    expect((await api.call('DELETE', '/api/v1/templates/contract-large')).status).toBe(204);
    const rollback = await api.call<ApiError>('POST', `/api/v1/flows/${flowId}/rollback`, { body: { version: 1 } });
    expect(rollback.status).toBe(409);
    expect(rollback.body.error.code).toBe('TEMPLATE_MISSING');
    expect(rollback.body.error.message).toContain('"contract-large"');
    expect((await loadActiveRuleSet(services, 'sales'))?.version).toBe(4);
  });

  it('numbers two publishes at once 5 and 6, and lets one of two identical creates win with the other 409', async () => {
    const publishes = await Promise.all(
      [1, 2].map(() => api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`)),
    );
    expect(publishes.map((reply) => reply.status)).toEqual([201, 201]);
    expect(publishes.map((reply) => reply.body.version).sort()).toEqual([5, 6]);
    const renewals: Flow = { ...demoFlow(), id: 'renewals', pipeline: { ...demoFlow().pipeline, id: 'renewals' } };
    const creates = await Promise.all(
      [1, 2].map(() => api.call('POST', '/api/v1/flows', { body: { draft: renewals } })),
    );
    expect(creates.map((reply) => reply.status).sort()).toEqual([201, 409]);
    const flows = await api.call<FlowSummary[]>('GET', '/api/v1/flows', { token: analyst });
    expect(flows.body.map((flow) => flow.id)).toEqual(['renewals', flowId]);
  });
});
