// Every bad input to the admin API gets its 4xx JSON error with a message that says what to fix, and
// leaves nothing half-written. Real HTTP on real SQLite and PostgreSQL.
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, Flow, FlowDetail } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { demoFlow } from '../support/examples.ts';
import { taggedDocx } from '../support/tagged-docx.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi, type Reply } from './admin-api.ts';

function expectError(reply: Reply, status: number, code: string): ApiError['error'] {
  expect({ status: reply.status, code: (reply.body as ApiError | undefined)?.error?.code }).toEqual({ status, code });
  const error = (reply.body as ApiError).error;
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

function zipBomb(): Uint8Array {
  const zip = new PizZip(taggedDocx(['{deal.title}']));
  zip.file('word/media/padding.bin', new Uint8Array(20 * 1024 * 1024));
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

describe.each(dialects)('admin API bad input on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let api: AdminApi;

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin'));
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  const count = async (table: 'flows' | 'flow_versions' | 'pipelines' | 'templates') =>
    Number(
      (
        await services.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  describe('flows', () => {
    it('refuses a body that is not JSON, and one that breaks the schema with a pointer, storing nothing', async () => {
      expectError(await api.call('POST', '/api/v1/flows', { body: '{"draft": ' }), 400, 'JSON_INVALID');
      const { position: _position, ...nodeWithoutPosition } = demoFlow().nodes[0] as Flow['nodes'][number];
      const draft = { ...demoFlow(), nodes: [nodeWithoutPosition, ...demoFlow().nodes.slice(1)] };
      const error = expectError(await api.call('POST', '/api/v1/flows', { body: { draft } }), 400, 'BODY_INVALID');
      expect(error.details).toContainEqual(
        expect.objectContaining({ pointer: expect.stringMatching(/^\/draft\/nodes\/0/) }),
      );
      expect(error.message).toContain('/draft/nodes/0');
      expectError(
        await api.call('POST', '/api/v1/flows', { body: { draft: demoFlow(), extra: 1 } }),
        400,
        'BODY_INVALID',
      );
      expect(await count('flows')).toBe(0);
      expect(await count('pipelines')).toBe(0);
    });

    it('saves a draft with semantic errors, refuses to publish it naming the nodes, and writes no version', async () => {
      const created = await api.call<FlowDetail>('POST', '/api/v1/flows', { body: { draft: demoFlow() } });
      expect(created.status).toBe(201);
      // No templates or employees are stored here: every sendDocument node refers to something missing.
      const codes = created.body.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
      expect(codes).toEqual(expect.arrayContaining(['TEMPLATE_UNKNOWN', 'EMPLOYEE_UNKNOWN']));
      const error = expectError(await api.call('POST', '/api/v1/flows/sales-documents/publish'), 400, 'FLOW_INVALID');
      expect(error.details?.map((detail) => detail.nodeId)).toEqual(
        expect.arrayContaining(['send-contract-large', 'send-contract-standard', 'send-invoice']),
      );
      expect(error.details?.every((detail) => detail.code && detail.pointer?.startsWith('/nodes/'))).toBe(true);
      expect(await count('flow_versions')).toBe(0);
      const flow = await api.call<FlowDetail>('GET', '/api/v1/flows/sales-documents');
      expect(flow.body.flow.activeVersion).toBeNull();
    });

    it('validates the stored draft or a sent document, reporting schema problems as diagnostics', async () => {
      const stored = await api.call<FlowDetail>('POST', '/api/v1/flows/sales-documents/validate');
      expect(stored.status).toBe(200);
      expect(stored.body.diagnostics.map((d) => d.code)).toContain('TEMPLATE_UNKNOWN');
      const sent = await api.call<FlowDetail>('POST', '/api/v1/flows/sales-documents/validate', {
        body: { ...demoFlow(), nodes: 'none' },
      });
      expect(sent.status).toBe(200);
      expect(sent.body.diagnostics[0]).toMatchObject({ code: 'SCHEMA_INVALID', pointer: '/nodes' });
    });

    it('keeps a draft with a cycle, says where, and refuses a draft that breaks the schema or changes id or pipeline', async () => {
      const cyclic = {
        ...demoFlow(),
        edges: [
          ...demoFlow().edges,
          { id: 'back', source: 'is-large-deal', target: 'is-large-deal', sourceHandle: 'true' },
        ],
      };
      const saved = await api.call<FlowDetail>('PUT', '/api/v1/flows/sales-documents/draft', { body: cyclic });
      expect(saved.status).toBe(200);
      expect(saved.body.diagnostics.map((d) => d.code)).toContain('FLOW_CYCLE');
      expectError(
        await api.call('PUT', '/api/v1/flows/sales-documents/draft', { body: { ...demoFlow(), id: 'other' } }),
        400,
        'ID_MISMATCH',
      );
      const moved = { ...demoFlow(), pipeline: { ...demoFlow().pipeline, id: 'elsewhere' } };
      expectError(
        await api.call('PUT', '/api/v1/flows/sales-documents/draft', { body: moved }),
        400,
        'PIPELINE_MISMATCH',
      );
      const broken = await api.call('PUT', '/api/v1/flows/sales-documents/draft', {
        body: { ...demoFlow(), schemaVersion: 2 },
      });
      expect(expectError(broken, 400, 'BODY_INVALID').details?.[0]?.pointer).toBe('/schemaVersion');
      const draft = await api.call<FlowDetail>('GET', '/api/v1/flows/sales-documents');
      expect(draft.body.draft.edges.map((edge) => edge.id)).toContain('back');
      expect(await count('pipelines')).toBe(1);
    });

    it('refuses a second flow with the same id or for the same pipeline (409)', async () => {
      expectError(await api.call('POST', '/api/v1/flows', { body: { draft: demoFlow() } }), 409, 'FLOW_EXISTS');
      const samePipeline = { ...demoFlow(), id: 'another' };
      expectError(await api.call('POST', '/api/v1/flows', { body: { draft: samePipeline } }), 409, 'PIPELINE_HAS_FLOW');
      expect(await count('flows')).toBe(1);
    });

    it('answers 404 for unknown flows and versions, 400 for versions that are not numbers', async () => {
      expectError(await api.call('GET', '/api/v1/flows/nope'), 404, 'NOT_FOUND');
      expectError(await api.call('POST', '/api/v1/flows/nope/publish'), 404, 'NOT_FOUND');
      expectError(await api.call('GET', '/api/v1/flows/sales-documents/versions/7'), 404, 'VERSION_NOT_FOUND');
      expectError(await api.call('GET', '/api/v1/flows/sales-documents/versions/x'), 400, 'VERSION_INVALID');
      expectError(
        await api.call('POST', '/api/v1/flows/sales-documents/rollback', { body: { version: 7 } }),
        404,
        'VERSION_NOT_FOUND',
      );
      expectError(
        await api.call('POST', '/api/v1/flows/sales-documents/rollback', { body: { version: 'one' } }),
        400,
        'BODY_INVALID',
      );
      expectError(await api.call('GET', '/api/v1/flows/sales-documents/diff?to=2'), 400, 'VERSION_INVALID');
      expectError(await api.call('GET', '/api/v1/flows/sales-documents/diff?from=1.5&to=2'), 400, 'VERSION_INVALID');
      expectError(await api.call('GET', '/api/v1/flows/sales-documents/diff?from=1&to=2'), 404, 'VERSION_NOT_FOUND');
    });
  });

  describe('templates', () => {
    const upload = (bytes: Uint8Array, fields: Record<string, string> = { documentType: 'contract', id: 'bad' }) =>
      api.upload(fields, { name: 'template.docx', bytes });

    it('refuses what is not a sound Word template, each with its own code, storing nothing', async () => {
      expectError(await upload(new TextEncoder().encode('just some text, not a zip')), 400, 'TEMPLATE_NOT_DOCX');
      const valid = taggedDocx(['{deal.title}']);
      expectError(await upload(valid.slice(0, valid.length - 40)), 400, 'TEMPLATE_BROKEN_ZIP');
      expectError(await upload(zipBomb()), 400, 'TEMPLATE_ZIP_BOMB');
      const unbalanced = expectError(await upload(taggedDocx(['Dear {deal.title'])), 400, 'TEMPLATE_TAGS_INVALID');
      expect(unbalanced.message).toMatch(/deal\.title|tag/i);
      expect(await count('templates')).toBe(0);
    });

    it('refuses a file over 10 MB (413), a body that is not multipart (415), and bad form fields (400)', async () => {
      expectError(await upload(new Uint8Array(10 * 1024 * 1024 + 1)), 413, 'TEMPLATE_TOO_LARGE');
      expectError(
        await api.call('POST', '/api/v1/templates', { body: { documentType: 'contract' } }),
        415,
        'MULTIPART_REQUIRED',
      );
      const docx = taggedDocx(['{deal.title}']);
      expectError(await upload(docx, { name: 'No type' }), 400, 'TEMPLATE_DOCUMENT_TYPE');
      expectError(await upload(docx, { documentType: 'Contract!' }), 400, 'TEMPLATE_DOCUMENT_TYPE');
      expectError(await upload(docx, { documentType: 'contract', id: '-bad id' }), 400, 'TEMPLATE_ID_INVALID');
      expectError(await api.upload({ documentType: 'contract' }), 400, 'TEMPLATE_FILE_MISSING');
      expect(await count('templates')).toBe(0);
    });

    it('stores a good template with its placeholders, refuses the same id again (409) and unknown ids (404)', async () => {
      const docx = taggedDocx(['{deal.title}', '{#deal.contacts}{name}{/deal.contacts}']);
      const stored = await upload(docx, { documentType: 'contract', name: 'Contract (large)' });
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({ id: 'contract-large', documentType: 'contract', size: docx.length });
      expect((stored.body as { placeholders: string[] }).placeholders).toContain('deal.title');
      expectError(await upload(docx, { documentType: 'contract', id: 'contract-large' }), 409, 'TEMPLATE_EXISTS');
      const content = await fetch(`${server.url}/api/v1/templates/contract-large/content`, {
        headers: { authorization: `Bearer ${await issueToken(services, 'admin')}` },
      });
      expect(content.headers.get('content-disposition')).toBe(
        `attachment; filename="template.docx"; filename*=UTF-8''template.docx`,
      );
      expect(new Uint8Array(await content.arrayBuffer())).toEqual(docx);
      expectError(await api.call('GET', '/api/v1/templates/nope'), 404, 'NOT_FOUND');
      expectError(await api.call('GET', '/api/v1/templates/nope/content'), 404, 'NOT_FOUND');
      expectError(await api.call('DELETE', '/api/v1/templates/nope'), 404, 'NOT_FOUND');
      expect(await count('templates')).toBe(1);
    });

    it('checks the form fields like JSON text (control characters: 400 TEXT_INVALID naming the field)', async () => {
      const docx = taggedDocx(['{deal.title}']);
      const bell = expectError(
        await upload(docx, { documentType: 'contract', name: 'Contract\u0007 (v2)' }),
        400,
        'TEXT_INVALID',
      );
      expect(bell.details?.[0]).toMatchObject({ code: 'TEXT_INVALID', pointer: '/name' });
      expect(bell.message).toContain('/name contains the control character U+0007');
      const named = await api.upload(
        { documentType: 'contract', id: 'bad\u001fid' },
        { name: 'template.docx', bytes: docx },
      );
      expect(expectError(named, 400, 'TEXT_INVALID').details?.[0]?.pointer).toBe('/id');
      expect(await count('templates')).toBe(1);
    });

    it('names the download with an ASCII fallback and the real name in filename*', async () => {
      const docx = taggedDocx(['{deal.title}']);
      const stored = await api.upload(
        { documentType: 'invoice', id: 'fatura' },
        { name: 'Fatura São Paulo.docx', bytes: docx },
      );
      expect(stored.status).toBe(201);
      const content = await fetch(`${server.url}/api/v1/templates/fatura/content`, {
        headers: { authorization: `Bearer ${await issueToken(services, 'admin')}` },
      });
      await content.arrayBuffer();
      expect(content.headers.get('content-disposition')).toBe(
        `attachment; filename="Fatura Sao Paulo.docx"; filename*=UTF-8''Fatura%20S%C3%A3o%20Paulo.docx`,
      );
    });
  });

  describe('settings, pipelines, tokens, export', () => {
    it('asks for our company before it is set, refuses an invalid one with a pointer, stores a valid one', async () => {
      expectError(await api.call('GET', '/api/v1/settings/company'), 404, 'COMPANY_NOT_SET');
      const invalid = expectError(
        await api.call('PUT', '/api/v1/settings/company', { body: { taxId: '1' } }),
        400,
        'BODY_INVALID',
      );
      expect(invalid.details?.[0]).toMatchObject({ pointer: '/', message: 'missing required property "name"' });
      const company = { name: 'Initech GmbH', taxId: 'DE123', director: 'Bill L.' };
      expect((await api.call('PUT', '/api/v1/settings/company', { body: company })).body).toEqual(company);
      expect((await api.call('GET', '/api/v1/settings/company')).body).toEqual(company);
    });

    it('refuses mismatched ids and invalid employees, and answers 404 for unknown ones', async () => {
      const employee = { id: 'ceo', name: 'C. Eo', email: 'ceo@example.com', role: 'CEO' };
      expectError(await api.call('PUT', '/api/v1/employees/cfo', { body: employee }), 400, 'ID_MISMATCH');
      expectError(
        await api.call('PUT', '/api/v1/employees/ceo', { body: { ...employee, email: 'nope' } }),
        400,
        'BODY_INVALID',
      );
      expectError(await api.call('DELETE', '/api/v1/employees/ceo'), 404, 'NOT_FOUND');
      expectError(await api.call('PUT', '/api/v1/pipelines/other', { body: demoFlow().pipeline }), 400, 'ID_MISMATCH');
      expectError(await api.call('GET', '/api/v1/pipelines/other'), 404, 'NOT_FOUND');
      expectError(await api.call('DELETE', '/api/v1/tokens/nope'), 404, 'NOT_FOUND');
      expectError(await api.call('POST', '/api/v1/tokens', { body: { name: 'x', role: 'root' } }), 400, 'BODY_INVALID');
    });

    it('refuses an unknown export format and an unknown pipeline', async () => {
      const error = expectError(await api.call('GET', '/api/v1/export?format=xml'), 400, 'EXPORT_FORMAT_UNKNOWN');
      expect(error.message).toContain('json or csv');
      expectError(await api.call('GET', '/api/v1/export?format=csv&pipelineId=nope'), 404, 'NOT_FOUND');
    });

    it('stores a pipeline edit into the flow drawn on it, so the draft and intake agree on stages', async () => {
      const pipeline = {
        ...demoFlow().pipeline,
        stages: [...demoFlow().pipeline.stages, { id: 'archived', name: 'Archived' }],
      };
      expect((await api.call('PUT', '/api/v1/pipelines/sales', { body: pipeline })).status).toBe(200);
      const flow = await api.call<FlowDetail>('GET', '/api/v1/flows/sales-documents');
      expect(flow.body.draft.pipeline).toEqual(pipeline);
    });
  });
});
