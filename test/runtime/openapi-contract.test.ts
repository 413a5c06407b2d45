// The OpenAPI document says what the server does: Redocly lints it without errors, every operation
// has a unique operationId, and real answers of the main routes (successes and errors) match the
// response schema the document gives for their status and content type (ajv, JSON Schema 2020-12
// as OpenAPI 3.1 uses it).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../runtime/http/openapi/build-openapi.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { EventAccepted } from '../../schemas/index.ts';
import { repositoryRoot } from '../cli/run-cli.ts';
import { exampleEvent } from '../support/examples.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type OpenApi, responseChecker } from './openapi-conformance.ts';

function lint(
  file: string,
): Promise<{ totals: { errors: number }; problems: { ruleId: string; severity: string; message: string }[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      'npx',
      ['redocly', 'lint', '--format=json', file],
      { cwd: repositoryRoot, maxBuffer: 16 * 1024 * 1024 },
      (_error, stdout) => {
        // redocly exits 1 on errors; the JSON report on stdout says which (a Node banner goes to stderr).
        try {
          resolve(JSON.parse(stdout.slice(stdout.indexOf('{'))));
        } catch (parseError) {
          reject(new Error(`redocly printed no JSON report: ${String(parseError)}\n${stdout.slice(0, 2000)}`));
        }
      },
    );
  });
}

describe('the OpenAPI document as a contract', () => {
  const document = buildOpenApi() as unknown as OpenApi;

  it('lints with Redocly without errors', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inkflow-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 1));
    const report = await lint(file);
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);

  it('names every operation once', () => {
    const ids = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );
    expect(ids.length).toBeGreaterThan(35);
    expect(ids.filter((id) => typeof id !== 'string' || !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('real answers match their documented schemas', () => {
    let services: RuntimeServices & { dispose(): Promise<void> };
    let server: { url: string; close(): Promise<void> };
    let admin: string;
    let client: string;
    const checkResponse = responseChecker(document);
    const checked: string[] = [];

    beforeAll(async () => {
      services = await createTestServices();
      server = await startTestServer(services);
      admin = await issueToken(services, 'admin');
      client = await issueToken(services, 'client');
      await seedDemoSales(services);
    });
    afterAll(async () => {
      await server?.close();
      await services?.dispose();
    });

    /** Calls a route and checks the answer against the document's schema for (template, method, status, type). */
    async function conform(
      method: string,
      template: string,
      path: string,
      options: { token?: string; body?: unknown } = {},
    ): Promise<{ status: number; body: unknown }> {
      const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? admin}` };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const type = response.headers.get('content-type') ?? '';
      const text = await response.text();
      expect(checkResponse(method, template, response.status, type, text), `${method} ${path}`).toEqual([]);
      const body = type.startsWith('application/json') ? JSON.parse(text) : text;
      checked.push(`${method} ${template} ${response.status}`);
      return { status: response.status, body: response.status === 204 ? undefined : body };
    }

    it('for flows, versions, diff, validate and export', async () => {
      expect((await conform('GET', '/api/v1/flows', '/api/v1/flows')).status).toBe(200);
      expect((await conform('GET', '/api/v1/flows/{id}', '/api/v1/flows/sales-documents')).status).toBe(200);
      await conform('GET', '/api/v1/flows/{id}/versions', '/api/v1/flows/sales-documents/versions');
      const detail = await conform(
        'GET',
        '/api/v1/flows/{id}/versions/{version}',
        '/api/v1/flows/sales-documents/versions/1',
      );
      expect(detail.status).toBe(200);
      await conform('GET', '/api/v1/flows/{id}/diff', '/api/v1/flows/sales-documents/diff?from=1&to=1');
      await conform('POST', '/api/v1/flows/{id}/validate', '/api/v1/flows/sales-documents/validate');
      await conform('GET', '/api/v1/export', '/api/v1/export?format=json');
      await conform('GET', '/api/v1/export', '/api/v1/export?format=csv');
      await conform('POST', '/api/v1/flows/{id}/publish', '/api/v1/flows/sales-documents/publish');
      await conform('POST', '/api/v1/flows/{id}/rollback', '/api/v1/flows/sales-documents/rollback', {
        body: { version: 1 },
      });
      expect((await conform('DELETE', '/api/v1/flows/{id}', '/api/v1/flows/sales-documents')).status).toBe(409);
      expect((await conform('GET', '/api/v1/flows/{id}', '/api/v1/flows/nope')).status).toBe(404);
      expect(
        (await conform('GET', '/api/v1/flows/{id}/versions/{version}', '/api/v1/flows/sales-documents/versions/99'))
          .status,
      ).toBe(404);
    });

    it('for settings, pipelines, tokens and templates', async () => {
      await conform('GET', '/api/v1/pipelines', '/api/v1/pipelines');
      await conform('GET', '/api/v1/pipelines/{id}', '/api/v1/pipelines/sales');
      await conform('GET', '/api/v1/settings/company', '/api/v1/settings/company');
      await conform('GET', '/api/v1/employees', '/api/v1/employees');
      await conform('GET', '/api/v1/tokens', '/api/v1/tokens');
      expect(
        (await conform('POST', '/api/v1/tokens', '/api/v1/tokens', { body: { name: 'crm', role: 'client' } })).status,
      ).toBe(201);
      await conform('GET', '/api/v1/templates', '/api/v1/templates');
      await conform('GET', '/api/v1/templates/{id}', '/api/v1/templates/invoice');
      expect(
        (await conform('PUT', '/api/v1/settings/company', '/api/v1/settings/company', { body: { name: '\u0007' } }))
          .status,
      ).toBe(400);
    });

    it('for events and runs: accepted, duplicate, reused, refused', async () => {
      const event = { ...exampleEvent('contract'), eventId: 'contract-check-1' };
      const accepted = await conform('POST', '/api/v1/events', '/api/v1/events', { token: client, body: event });
      expect(accepted.status).toBe(202);
      expect((await conform('POST', '/api/v1/events', '/api/v1/events', { token: client, body: event })).status).toBe(
        200,
      );
      const reused = { ...event, deal: { ...event.deal, amount: 1 } };
      expect((await conform('POST', '/api/v1/events', '/api/v1/events', { token: client, body: reused })).status).toBe(
        409,
      );
      const runId = (accepted.body as EventAccepted).runId;
      expect((await conform('GET', '/api/v1/runs/{id}', `/api/v1/runs/${runId}`, { token: client })).status).toBe(200);
      await conform('GET', '/api/v1/runs', `/api/v1/runs?eventId=${event.eventId}`, { token: client });
      expect((await conform('GET', '/api/v1/runs', '/api/v1/runs?status=lost', { token: client })).status).toBe(400);
      await conform('GET', '/api/v1/deals/{dealId}/documents', '/api/v1/deals/D-1042/documents', { token: client });
      expect(
        (await conform('POST', '/api/v1/events', '/api/v1/events', { token: client, body: { eventId: 1 } })).status,
      ).toBe(400);
      expect(checked.length).toBeGreaterThan(8);
    });
  });
});
