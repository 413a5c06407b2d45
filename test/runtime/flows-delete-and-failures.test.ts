// DELETE /flows/:id and the rule that a flow request answering 500 has stored nothing, over real
// HTTP on SQLite and PostgreSQL. The 500s are provoked on a real code path: the table validation
// reads (employees) is renamed away for the request, so loading the validation context fails.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActiveRuleSet } from '../../runtime/flows/load-active-rule-set.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, Flow, FlowDetail, FlowVersionInfo } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { demoFlow } from '../support/examples.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi, seedDemoReferences } from './admin-api.ts';

const flowId = 'sales-documents';

/** The demo flow with its large-deal threshold at `amount`. */
function withThreshold(amount: number): Flow {
  const flow = demoFlow();
  return {
    ...flow,
    nodes: flow.nodes.map((node) =>
      node.type === 'condition'
        ? {
            ...node,
            data: { ...node.data, conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: amount }] } },
          }
        : node,
    ) as Flow['nodes'],
  };
}

describe.each(dialects)('deleting flows, and failures that store nothing, on %s', (dialect) => {
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

  const count = async (table: 'flows' | 'flow_versions' | 'pipelines') =>
    Number(
      (
        await services.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Runs `work` while the employees table is away, so that validation cannot read its context. */
  async function withoutEmployeesTable<T>(work: () => Promise<T>): Promise<T> {
    await sql`alter table employees rename to employees_away`.execute(services.database.db);
    try {
      return await work();
    } finally {
      await sql`alter table employees_away rename to employees`.execute(services.database.db);
    }
  }

  it('answers validation with at most 50 diagnostics, errors first, and the total when cut', async () => {
    const flow = demoFlow();
    const strays = Array.from({ length: 300 }, (_, at) => ({
      id: `stray-${at}`,
      type: 'condition' as const,
      position: { x: 0, y: 0 },
      data: { conditions: { all: [{ fact: 'nope', operator: 'equal' as const, value: at }] } },
    }));
    const draft = { ...flow, nodes: [...flow.nodes, ...strays] } as Flow;
    const created = await api.call<FlowDetail>('POST', '/api/v1/flows', { body: { draft } });
    expect(created.status).toBe(201);
    expect(created.body.diagnostics).toHaveLength(50);
    expect(created.body.diagnosticsTruncated?.shown).toBe(50);
    expect(created.body.diagnosticsTruncated?.total).toBeGreaterThanOrEqual(600);
    expect(created.body.diagnostics.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    const validated = await api.call<FlowDetail>('POST', `/api/v1/flows/${flowId}/validate`);
    expect(validated.body.diagnostics).toHaveLength(50);
    expect(validated.body.diagnosticsTruncated).toEqual(created.body.diagnosticsTruncated);
    expect((await api.call('DELETE', `/api/v1/flows/${flowId}`)).status).toBe(204);
    expect(await count('flows')).toBe(0);
    await services.database.db.deleteFrom('pipelines').execute();
  });

  it('POST /flows that fails with 500 has stored neither the flow nor its pipeline', async () => {
    const failed = await withoutEmployeesTable(() =>
      api.call<ApiError>('POST', '/api/v1/flows', { body: { draft: demoFlow() } }),
    );
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('INTERNAL');
    expect({ flows: await count('flows'), pipelines: await count('pipelines') }).toEqual({ flows: 0, pipelines: 0 });
    expect((await api.call('GET', `/api/v1/flows/${flowId}`)).status).toBe(404);
    const created = await api.call<FlowDetail>('POST', '/api/v1/flows', { body: { draft: demoFlow() } });
    expect(created.status).toBe(201);
  });

  it('PUT draft that fails with 500 leaves the stored draft and pipeline as they were', async () => {
    const edited = { ...withThreshold(90_000), pipeline: { ...demoFlow().pipeline, name: 'Renamed in a failed save' } };
    const failed = await withoutEmployeesTable(() =>
      api.call('PUT', `/api/v1/flows/${flowId}/draft`, { body: edited }),
    );
    expect(failed.status).toBe(500);
    const flow = await api.call<FlowDetail>('GET', `/api/v1/flows/${flowId}`);
    expect(flow.body.draft).toEqual(demoFlow());
    const pipeline = await api.call<{ name: string }>('GET', '/api/v1/pipelines/sales', { token: analyst });
    expect(pipeline.body.name).toBe(demoFlow().pipeline.name);
  });

  it('publish that fails with 500 writes no version and leaves the active version alone', async () => {
    const failed = await withoutEmployeesTable(() => api.call('POST', `/api/v1/flows/${flowId}/publish`));
    expect(failed.status).toBe(500);
    expect(await count('flow_versions')).toBe(0);
    expect((await api.call<FlowDetail>('GET', `/api/v1/flows/${flowId}`)).body.flow.activeVersion).toBeNull();
  });

  it('refuses to delete the active flow (409 FLOW_ACTIVE) unless forced, then removes it with every version', async () => {
    expect((await api.call<FlowVersionInfo>('POST', `/api/v1/flows/${flowId}/publish`)).status).toBe(201);
    expect((await loadActiveRuleSet(services, 'sales'))?.version).toBe(1);
    await api.call('PUT', `/api/v1/flows/${flowId}/draft`, { body: withThreshold(70_000) });
    expect((await api.call('POST', `/api/v1/flows/${flowId}/publish`)).status).toBe(201);
    const refused = await api.call<ApiError>('DELETE', `/api/v1/flows/${flowId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('FLOW_ACTIVE');
    expect(refused.body.error.message).toContain('force=true');
    expect((await api.call('DELETE', `/api/v1/flows/${flowId}`, { token: analyst })).status).toBe(403);
    expect((await api.call<ApiError>('DELETE', `/api/v1/flows/${flowId}?force=yes`)).status).toBe(400);
    expect(await count('flow_versions')).toBe(2);
    expect((await api.call('DELETE', `/api/v1/flows/${flowId}?force=true`)).status).toBe(204);
    expect({
      flows: await count('flows'),
      versions: await count('flow_versions'),
      pipelines: await count('pipelines'),
    }).toEqual({
      flows: 0,
      versions: 0,
      pipelines: 1,
    });
    expect(await loadActiveRuleSet(services, 'sales')).toBeUndefined();
    expect((await api.call<ApiError>('DELETE', `/api/v1/flows/${flowId}`)).status).toBe(404);
  });

  it('deletes a flow that was never published without force, and a flow made again under the id is read fresh', async () => {
    await api.call('POST', '/api/v1/flows', { body: { draft: withThreshold(10) } });
    expect((await api.call('DELETE', `/api/v1/flows/${flowId}`)).status).toBe(204);
    // Version 1 of the deleted flow (threshold 50,000) was read and cached above; version 1 of the
    // new one has another threshold under the same flowId@1.
    await api.call('POST', '/api/v1/flows', { body: { draft: withThreshold(1_234) } });
    expect((await api.call('POST', `/api/v1/flows/${flowId}/publish`)).status).toBe(201);
    const active = await loadActiveRuleSet(services, 'sales');
    expect(active?.version).toBe(1);
    expect(JSON.stringify(active?.ruleSet.rules)).toContain('1234');
  });
});
