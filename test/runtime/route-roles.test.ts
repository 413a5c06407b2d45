// Every route of the OpenAPI table, for each role (admin, client, analyst) and without a token, with
// real ids: the status says the role was let in or refused exactly as the table (and the README's
// role table) says. Then every route an analyst may read is read with real data: none of it carries
// a counterparty's name, email or phone (personal data is for admin and client only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPath } from '../../runtime/http/openapi/api-path.ts';
import { apiPaths } from '../../runtime/http/openapi/api-paths.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { EventAccepted, Role } from '../../schemas/index.ts';
import { exampleEvent } from '../support/examples.ts';
import { seedDemoSales } from '../support/seed-event-path.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';

const event = { ...exampleEvent('contract'), eventId: 'roles-contract-1' };
const contact = event.deal.contacts?.[0] as { name: string; email?: string; phone?: string };
const personalData = [contact.name, contact.email, contact.phone].filter((text): text is string => !!text);
const unknownUuid = '0190a0a0-0000-7000-8000-000000000000';

describe('every route for every role', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  const tokens: Partial<Record<Role, string>> = {};
  let runId: string;

  beforeAll(async () => {
    services = await createTestServices();
    server = await startTestServer(services);
    for (const role of ['admin', 'client', 'analyst'] as const) tokens[role] = await issueToken(services, role);
    await seedDemoSales(services);
    const posted = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.client}`, 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(posted.status).toBe(202);
    runId = ((await posted.json()) as EventAccepted).runId;
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  /** The path with real ids (unknown ones where the call would change or delete something). */
  function concrete(entry: ApiPath): string {
    const values: Record<string, string> = {
      pipelineId: 'sales',
      dealId: event.deal.id,
      eventId: event.eventId,
      version: '1',
    };
    const byArea: [RegExp, string][] = [
      [/\/flows\/:id/, 'sales-documents'],
      [/\/pipelines\/:id/, 'sales'],
      [/\/templates\/:id/, 'invoice'],
      [/\/employees\/:id/, 'director'],
      [/\/runs\/:id/, runId],
      [/\/documents\/:id/, unknownUuid],
      [/\/tokens\/:id/, unknownUuid],
    ];
    const id = byArea.find(([pattern]) => pattern.test(entry.path))?.[1] ?? 'unknown';
    const query = entry.path.endsWith('/runs')
      ? `?eventId=${event.eventId}`
      : entry.path.endsWith('/diff')
        ? '?from=1&to=1'
        : '';
    return (
      entry.path.replace(/:(\w+)/g, (_match, name: string) => (name === 'id' ? id : (values[name] ?? 'unknown'))) +
      query
    );
  }

  async function call(entry: ApiPath, token: string | undefined) {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const withBody = entry.method === 'post' || entry.method === 'put';
    if (withBody)
      headers['content-type'] =
        entry.request?.contentType === 'multipart/form-data' ? 'text/plain' : 'application/json';
    const response = await fetch(`${server.url}${concrete(entry)}`, {
      method: entry.method.toUpperCase(),
      headers,
      ...(withBody ? { body: '{}' } : {}),
    });
    return { status: response.status, text: await response.text() };
  }

  const who = ['admin', 'client', 'analyst', 'no token'] as const;

  it('lets in exactly the roles the table names (admin always), 401 without a token, 403 for the others', async () => {
    const table = apiPaths.map((entry) => `${entry.method.toUpperCase()} ${entry.path}`);
    expect(table.length).toBeGreaterThan(35);
    const seen: string[] = [];
    const expected: string[] = [];
    for (const caller of who) {
      for (const entry of apiPaths) {
        const token = caller === 'no token' ? undefined : tokens[caller];
        const { status } = await call(entry, token);
        const name = `${caller}: ${entry.method.toUpperCase()} ${entry.path}`;
        const outcome = (code: number) => (code === 401 ? 'unauthorized' : code === 403 ? 'forbidden' : 'let in');
        seen.push(`${name} → ${outcome(status)}`);
        const allowed =
          entry.roles === 'public' || caller === 'admin' || (caller !== 'no token' && entry.roles.includes(caller));
        expected.push(`${name} → ${allowed ? 'let in' : caller === 'no token' ? 'unauthorized' : 'forbidden'}`);
      }
    }
    expect(seen).toEqual(expected);
  });

  it('keeps runs (with the deal’s contacts) from analysts and gives them to clients', async () => {
    const asClient = await fetch(`${server.url}/api/v1/runs/${runId}`, {
      headers: { authorization: `Bearer ${tokens.client}` },
    });
    expect(asClient.status).toBe(200);
    const asAnalyst = await fetch(`${server.url}/api/v1/runs?dealId=${event.deal.id}`, {
      headers: { authorization: `Bearer ${tokens.analyst}` },
    });
    expect(asAnalyst.status).toBe(403);
  });

  it('shows analysts no personal data on any route they may read', async () => {
    expect(personalData.length).toBeGreaterThan(1);
    const readable = apiPaths.filter(
      (entry) => entry.roles !== 'public' && entry.roles.includes('analyst') && entry.method === 'get',
    );
    expect(readable.length).toBeGreaterThan(5);
    for (const entry of readable) {
      const { status, text } = await call(entry, tokens.analyst);
      expect({ path: entry.path, status }).toEqual({ path: entry.path, status: 200 });
      for (const data of personalData)
        expect({ path: entry.path, leaks: text.includes(data) }).toEqual({ path: entry.path, leaks: false });
    }
  });
});
