// Signature marks at upload, over real HTTP and a real store: the upload lists each mark once per
// party (no positions), reading the templates again says the same, the marks are not placeholders
// (no warning), and a bad mark is refused with the tag and what to write instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, TemplateInfo } from '../../schemas/index.ts';
import { taggedDocx } from '../support/tagged-docx.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi } from './admin-api.ts';

const marked = taggedDocx([
  'Agreement for {deal.company.name}',
  '{%sign company}',
  '{%stamp company}',
  'Passport: {?client passportNumber}, role {?company position}',
  '{%sign client}',
  '{%sign client 2}',
  '{%sign client}',
]);

describe('signature marks on upload', () => {
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

  it('lists the marks per party, once each, and stores them', async () => {
    const reply = await api.upload<TemplateInfo>(
      { documentType: 'contract', id: 'marked' },
      { name: 'm.docx', bytes: marked },
    );
    expect(reply.status).toBe(201);
    const expected = [
      { kind: 'sign', party: 'company', partyIndex: 1, tag: '{%sign company}' },
      { kind: 'stamp', party: 'company', partyIndex: 1, tag: '{%stamp company}' },
      { kind: 'field', party: 'client', partyIndex: 1, field: 'passportNumber', tag: '{?client passportNumber}' },
      { kind: 'field', party: 'company', partyIndex: 1, field: 'position', tag: '{?company position}' },
      { kind: 'sign', party: 'client', partyIndex: 1, tag: '{%sign client}' },
      { kind: 'sign', party: 'client', partyIndex: 2, tag: '{%sign client 2}' },
    ];
    expect(reply.body.marks).toEqual(expected);
    expect(reply.body.placeholders).toEqual(['deal.company.name']);
    expect(reply.body.warnings).toEqual([]);
    const listed = await api.call<TemplateInfo[]>('GET', '/api/v1/templates');
    expect(listed.body.find((template) => template.id === 'marked')?.marks).toEqual(expected);
    const row = await services.database.db
      .selectFrom('templates')
      .select('marks')
      .where('id', '=', 'marked')
      .executeTakeFirst();
    expect(JSON.parse(row?.marks ?? '[]')).toEqual(expected);
  });

  it('gives a template without marks an empty list', async () => {
    const reply = await api.upload<TemplateInfo>(
      { documentType: 'invoice', id: 'plain' },
      { name: 'p.docx', bytes: taggedDocx(['Invoice {deal.id}']) },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.marks).toEqual([]);
  });

  it.each([
    ['{%sign ceo}', 'write {%sign company} or {%sign client 2}'],
    ['{%sign client 0}', 'client numbers go from 1 to 50'],
    ['{%sign client 51}', 'client numbers go from 1 to 50'],
    ['{%stamp client}', 'write {%stamp company}'],
    ['{?client 9bad}', 'as in {?client passportNumber}'],
    ['{?boss name}', 'the party is company or client'],
    ['Sign here: {%sign company}', 'takes its whole paragraph'],
  ])('refuses %s and says what to write', async (text, hint) => {
    const reply = await api.upload<ApiError>(
      { documentType: 'contract', id: `bad-${Math.random().toString(36).slice(2, 8)}` },
      { name: 'bad.docx', bytes: taggedDocx([text]) },
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('TEMPLATE_TAGS_INVALID');
    const details = (reply.body.error.details ?? []).map((detail) => detail.message).join('\n');
    expect(details).toContain(hint);
  });
});
