// Headers every answer carries and what unsupported methods answer, over real HTTP: nosniff
// everywhere, no-store on the API (token secrets, runs, documents, downloads), safe download names,
// and 405 with Allow and the JSON envelope (TRACE was a plain-text 501 logged as an error).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, EventAccepted, TokenInfo } from '../../schemas/index.ts';
import { capturedLogger } from '../support/captured-logger.ts';
import { exampleEvent } from '../support/examples.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';

/** fetch() refuses TRACE; a raw request does not. */
function rawRequest(url: string, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const outgoing = request(url, { method, headers }, (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => {
          body += chunk;
        });
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
      });
      outgoing.on('error', reject);
      outgoing.end();
    },
  );
}

describe('response headers and unsupported methods', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let admin: string;
  let client: string;
  const log = capturedLogger();

  beforeAll(async () => {
    services = await createTestServices();
    services.logger = log.logger;
    server = await startTestServer(services);
    admin = await issueToken(services, 'admin');
    client = await issueToken(services, 'client');
    await seedDemoSales(services);
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  const get = (path: string, token = admin) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('sends nosniff on every answer: health, the OpenAPI document, API answers and errors', async () => {
    for (const response of [
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/api/v1/openapi.json`),
      await get('/api/v1/flows'),
      await get('/api/v1/flows/nope'),
      await fetch(`${server.url}/api/v1/flows`),
      await fetch(`${server.url}/nowhere`),
    ]) {
      await response.arrayBuffer();
      expect({ url: response.url, nosniff: response.headers.get('x-content-type-options') }).toEqual({
        url: response.url,
        nosniff: 'nosniff',
      });
    }
  });

  it('sends no-store with token secrets, runs, documents and downloads', async () => {
    const issued = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'crm', role: 'client' }),
    });
    expect(((await issued.json()) as TokenInfo).token).toMatch(/^ink_/);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    const posted = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...exampleEvent('contract'), eventId: 'headers-1' }),
    });
    const { runId } = (await posted.json()) as EventAccepted;
    for (const path of [
      `/api/v1/runs/${runId}`,
      '/api/v1/runs?dealId=D-1042',
      '/api/v1/deals/D-1042/documents',
      '/api/v1/documents/0190a0a0-0000-7000-8000-000000000000/pdf',
      '/api/v1/templates/invoice/content',
      '/api/v1/export?format=csv',
    ]) {
      const response = await get(
        path,
        path.startsWith('/api/v1/runs') || path.startsWith('/api/v1/deals') ? client : admin,
      );
      await response.arrayBuffer();
      expect({ path, cache: response.headers.get('cache-control') }).toEqual({ path, cache: 'no-store' });
    }
  });

  it('names downloads with an ASCII fallback and the RFC 5987 form', async () => {
    const csv = await get('/api/v1/export?format=csv&pipelineId=sales');
    await csv.arrayBuffer();
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="inkflow-rules-sales.csv"; filename*=UTF-8''inkflow-rules-sales.csv`,
    );
  });

  it('answers TRACE with 405, the Allow header and the JSON envelope, logged as a client error', async () => {
    log.entries.length = 0;
    for (const [path, allow] of [
      ['/healthz', 'GET, HEAD, OPTIONS'],
      ['/api/v1/flows', 'GET, HEAD, OPTIONS, POST'],
    ] as const) {
      const traced = await rawRequest(`${server.url}${path}`, 'TRACE', { authorization: `Bearer ${admin}` });
      expect(traced.status).toBe(405);
      expect(traced.headers.allow).toBe(allow);
      expect(traced.headers['content-type']).toMatch(/^application\/json/);
      expect((JSON.parse(traced.body) as ApiError).error.code).toBe('METHOD_NOT_ALLOWED');
    }
    const requests = log.entries.filter((line) => line.msg === 'request' && line.status === 405);
    expect(requests.length).toBe(2);
    expect(log.entries.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('answers a method a path lacks with 405 and its methods, OPTIONS with 204 and Allow, unknown paths 404', async () => {
    const patched = await fetch(`${server.url}/api/v1/flows/sales-documents`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(patched.status).toBe(405);
    expect(patched.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS');
    expect(((await patched.json()) as ApiError).error.message).toContain('PATCH');
    const options = await fetch(`${server.url}/api/v1/events`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('OPTIONS, POST');
    const unknown = await rawRequest(`${server.url}/api/v1/nowhere`, 'TRACE');
    expect(unknown.status).toBe(404);
    expect((JSON.parse(unknown.body) as ApiError).error.code).toBe('ROUTE_NOT_FOUND');
  });
});
