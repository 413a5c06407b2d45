// PDF previews for the designer, through real HTTP, real SQLite and real LibreOffice: the document
// a sendDocument node would make for a deal, and a template filled with the demo deal. Nothing is
// stored: no document row, no run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../runtime/demo/seed-demo.ts';
import { pdfText } from '../../runtime/pdf/testing/pdf-probes.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, SendDocumentSettings } from '../../schemas/index.ts';
import { demoFlow, exampleEvent } from '../support/examples.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';

function nodeSettings(nodeId: string): SendDocumentSettings {
  const node = demoFlow().nodes.find((candidate) => candidate.id === nodeId);
  if (node?.type !== 'sendDocument') throw new Error(`the demo flow has no sendDocument ${nodeId}`);
  return node.data;
}

describe('previews as PDF', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let admin: string;

  const post = (path: string, body?: unknown, token = admin) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const counts = async () => ({
    documents: (await services.database.db.selectFrom('documents').select('id').execute()).length,
    runs: (await services.database.db.selectFrom('runs').select('id').execute()).length,
  });

  beforeAll(async () => {
    services = await createTestServices({ pdf: createRealPdf() });
    await seedDemo(services);
    server = await startTestServer(services);
    admin = await issueToken(services, 'admin');
  });
  afterAll(async () => {
    await server?.close();
    await services?.pdf.close();
    await services?.dispose();
  });

  it("renders the node's document for the deal as PDF, stores nothing and sends nothing", async () => {
    const event = exampleEvent('contract');
    const response = await post('/api/v1/documents/preview', {
      event,
      settings: nodeSettings('send-contract-large'),
      ruleName: 'sales-documents:enter-contract->send-contract-large',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = new Uint8Array(await response.arrayBuffer());
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(event.deal.title as string);
    expect(text).toContain('Globex Ltda');
    expect(Array.isArray(JSON.parse(response.headers.get('x-inkflow-warnings') ?? 'null'))).toBe(true);
    expect(await counts()).toEqual({ documents: 0, runs: 0 });
  });

  it('fills a template with the demo deal, or with the deal sent', async () => {
    const demo = await post('/api/v1/templates/contract-standard/preview');
    expect(demo.status).toBe(200);
    expect(pdfText(new Uint8Array(await demo.arrayBuffer())).replace(/\s+/g, ' ')).toContain('Annual support 2027');
    const deal = { ...exampleEvent('contract').deal, title: 'Preview of a made-up deal' };
    const sent = await post('/api/v1/templates/invoice/preview', { deal });
    expect(sent.status).toBe(200);
    expect(pdfText(new Uint8Array(await sent.arrayBuffer())).replace(/\s+/g, ' ')).toContain(
      'Preview of a made-up deal',
    );
    expect(await counts()).toEqual({ documents: 0, runs: 0 });
  });

  it('says what to fix: no template chosen, an unknown template, a malformed event, a non-admin', async () => {
    const settings = { ...nodeSettings('send-invoice'), templateId: '' };
    const empty = await post('/api/v1/documents/preview', { event: exampleEvent('invoice'), settings });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ApiError).error).toMatchObject({
      code: 'ACTION_TEMPLATE_MISSING',
      details: [{ pointer: '/settings/templateId' }],
    });
    const unknown = await post('/api/v1/documents/preview', {
      event: exampleEvent('invoice'),
      settings: { ...settings, templateId: 'no-such-template' },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ApiError).error.code).toBe('TEMPLATE_MISSING');
    const malformed = await post('/api/v1/documents/preview', { event: { eventId: 'x' }, settings });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ApiError).error.details?.[0]?.pointer).toMatch(/^\/event/);
    expect((await post('/api/v1/templates/unknown/preview')).status).toBe(404);
    const client = await issueToken(services, 'client');
    expect((await post('/api/v1/templates/invoice/preview', undefined, client)).status).toBe(403);
  });
});
