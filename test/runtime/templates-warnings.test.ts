// Placeholders no deal can fill, over real HTTP and a real store: the upload answers 201 with a
// warning per placeholder and the closest known path (template data paths and, once a pipeline
// exists, its custom fields), reading the template again says the same, and a flow that sends the
// template gets a validation warning (not an error: documents can still be made).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, FlowDetail, FlowVersionInfo, TemplateInfo } from '../../schemas/index.ts';
import { demoFlow } from '../support/examples.ts';
import { taggedDocx } from '../support/tagged-docx.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi, seedDemoReferences } from './admin-api.ts';

const typos = taggedDocx([
  'Contract {Deal.Title} for {deal.company.name}',
  'Visit {ourCompany.site}',
  '{#deal.contacts}{name} <{mail}>{/deal.contacts}',
  'Term: {deal.fields.contractTermMonth} months, region {deal.fields.region}',
  '{#deal.company}{taxId}{/deal.company}',
]);

describe('template placeholder warnings', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let api: AdminApi;

  beforeAll(async () => {
    services = await createTestServices();
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin'));
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('answers the upload with a warning per unknown placeholder and the closest known path', async () => {
    const reply = await api.upload<TemplateInfo>(
      { documentType: 'contract', id: 'typos' },
      { name: 'typos.docx', bytes: typos },
    );
    expect(reply.status).toBe(201);
    // No pipeline yet: any custom field may come, so deal.fields.* are not flagged.
    expect(reply.body.warnings.map(({ placeholder, suggestion }) => ({ placeholder, suggestion }))).toEqual([
      { placeholder: 'Deal.Title', suggestion: 'deal.title' },
      { placeholder: 'deal.contacts[].mail', suggestion: 'deal.contacts[].email' },
      { placeholder: 'ourCompany.site', suggestion: 'ourCompany.name' },
    ]);
    expect(reply.body.warnings[0]?.message).toBe(
      '{Deal.Title} can never be filled: it is not a path of the template data, so it will always print empty. Did you mean {deal.title}?',
    );
  });

  it('warns on a flow that sends the template, and then knows the pipeline custom fields', async () => {
    await seedDemoReferences(api);
    const draft = demoFlow();
    const send = draft.nodes.find((node) => node.id === 'send-contract-standard');
    if (send?.type !== 'sendDocument') throw new Error('the demo flow has no send-contract-standard');
    send.data.templateId = 'typos';
    const created = await api.call<FlowDetail>('POST', '/api/v1/flows', { body: { draft } });
    expect(created.status).toBe(201);
    const found = created.body.diagnostics.filter((entry: Diagnostic) => entry.code === 'TEMPLATE_PLACEHOLDER_UNKNOWN');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', nodeId: 'send-contract-standard' });
    expect(found[0]?.message).toContain('{Deal.Title}');
    expect(created.body.diagnostics.some((entry) => entry.severity === 'error')).toBe(false);

    // Once the flow stored its pipeline, its custom fields are known: a misspelt one is flagged too.
    const validated = await api.call<{ diagnostics: Diagnostic[] }>(
      'POST',
      `/api/v1/flows/${encodeURIComponent(created.body.flow.id)}/validate`,
    );
    expect(validated.status).toBe(200);
    const before = validated.body.diagnostics.find((entry) => entry.code === 'TEMPLATE_PLACEHOLDER_UNKNOWN');
    expect(before?.message).toContain('{deal.fields.contractTermMonth}');

    const again = await api.call<TemplateInfo>('GET', '/api/v1/templates/typos');
    const field = again.body.warnings.find((entry) => entry.placeholder === 'deal.fields.contractTermMonth');
    expect(field).toMatchObject({ suggestion: 'deal.fields.contractTermMonths' });
    expect(field?.message).toContain('"contractTermMonth" is not a custom field of any pipeline');
    expect(again.body.warnings.map((entry) => entry.placeholder)).not.toContain('deal.fields.region');

    // Publishing is allowed (a warning), and its answer carries the warnings it was published with.
    const published = await api.call<FlowVersionInfo>(
      'POST',
      `/api/v1/flows/${encodeURIComponent(created.body.flow.id)}/publish`,
    );
    expect(published.status).toBe(201);
    expect(published.body.diagnostics?.map((entry) => [entry.code, entry.severity, entry.nodeId])).toEqual([
      ['TEMPLATE_PLACEHOLDER_UNKNOWN', 'warning', 'send-contract-standard'],
    ]);
    expect(published.body.diagnosticsTruncated).toBeUndefined();
  });

  it('bounds the warnings of a publish answer like every flow answer (50 and the total)', async () => {
    const demo = demoFlow();
    const send = demo.nodes.find((node) => node.id === 'send-invoice');
    if (!send) throw new Error('the demo flow has no send-invoice');
    const strays = Array.from({ length: 60 }, (_, at) => ({ ...send, id: `stray-${at}` }));
    const draft = { ...demo, id: 'many-warnings', pipeline: { ...demo.pipeline, id: 'many-warnings' } };
    draft.nodes = [...demo.nodes, ...strays];
    expect((await api.call('POST', '/api/v1/flows', { body: { draft } })).status).toBe(201);
    const published = await api.call<FlowVersionInfo>('POST', '/api/v1/flows/many-warnings/publish');
    expect(published.status).toBe(201);
    expect(published.body.diagnostics).toHaveLength(50);
    expect(published.body.diagnostics?.every((entry) => entry.severity === 'warning')).toBe(true);
    expect(published.body.diagnosticsTruncated?.total).toBeGreaterThanOrEqual(60);
  });

  it('gives the demo templates no warnings', async () => {
    const list = await api.call<TemplateInfo[]>('GET', '/api/v1/templates');
    for (const template of list.body.filter((entry) => entry.id !== 'typos')) {
      expect(template.warnings, template.id).toEqual([]);
    }
  });
});
