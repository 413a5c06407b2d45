// API tokens and roles over real HTTP on real SQLite and PostgreSQL: tokens are stored hashed,
// revoked at once, the first admin token is made once; 401 without a known token, 403 for a role
// that may not, and the analyst's reads allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminToken } from '../../runtime/access/ensure-admin-token.ts';
import { hashToken } from '../../runtime/access/token-hash.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, TokenInfo } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { demoFlow } from '../support/examples.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { type AdminApi, adminApi, seedDemoReferences } from './admin-api.ts';

describe.each(dialects)('access on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let api: AdminApi;
  let tokens: { analyst: string; client: string };

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    server = await startTestServer(services);
    api = adminApi(server.url, await issueToken(services, 'admin'));
    tokens = { analyst: await issueToken(services, 'analyst'), client: await issueToken(services, 'client') };
    await seedDemoReferences(api);
    await api.call('POST', '/api/v1/flows', { body: { draft: demoFlow() } });
    await api.call('POST', '/api/v1/flows/sales-documents/publish');
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('issues a token whose secret is shown once and stored only as its hash; revoking it works at once', async () => {
    const issued = await api.call<TokenInfo>('POST', '/api/v1/tokens', { body: { name: 'crm', role: 'client' } });
    expect(issued.status).toBe(201);
    const secret = issued.body.token as string;
    expect(secret).toMatch(/^ink_/);
    const row = await services.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', issued.body.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await api.call<TokenInfo[]>('GET', '/api/v1/tokens');
    expect(listed.body).toContainEqual({ id: issued.body.id, name: 'crm', role: 'client', createdAt: row.created_at });
    expect(listed.text).not.toContain(secret);
    expect((await api.call('GET', '/api/v1/runs?dealId=D-1', { token: secret })).status).toBe(200);
    expect((await api.call('DELETE', `/api/v1/tokens/${issued.body.id}`)).status).toBe(204);
    const revoked = await api.call<ApiError>('GET', '/api/v1/runs?dealId=D-1', { token: secret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('TOKEN_UNKNOWN');
  });

  it('answers 401 without a token, with an unknown one and with a malformed header', async () => {
    const missing = await api.call<ApiError>('GET', '/api/v1/flows', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'TOKEN_REQUIRED', message: expect.stringContaining('Bearer') });
    expect((await api.call<ApiError>('GET', '/api/v1/flows', { token: 'ink_nope' })).body.error.code).toBe(
      'TOKEN_UNKNOWN',
    );
    const malformed = await fetch(`${server.url}/api/v1/flows`, { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
  });

  it('lets an analyst read flows, versions, diff and export, and refuses them every change with 403', async () => {
    const token = tokens.analyst;
    for (const path of [
      '/flows',
      '/flows/sales-documents',
      '/flows/sales-documents/versions',
      '/flows/sales-documents/versions/1',
      '/flows/sales-documents/diff?from=1&to=1',
      '/export?format=csv',
      '/pipelines',
    ]) {
      expect({ path, status: (await api.call('GET', `/api/v1${path}`, { token })).status }).toEqual({
        path,
        status: 200,
      });
    }
    const publish = await api.call<ApiError>('POST', '/api/v1/flows/sales-documents/publish', { token });
    expect(publish.status).toBe(403);
    expect(publish.body.error).toMatchObject({ code: 'ROLE_FORBIDDEN', message: expect.stringContaining('admin') });
    const changes: Array<[string, string, unknown]> = [
      ['PUT', '/flows/sales-documents/draft', demoFlow()],
      ['POST', '/flows/sales-documents/rollback', { version: 1 }],
      ['POST', '/flows', { draft: demoFlow() }],
      ['DELETE', '/templates/invoice', undefined],
      ['GET', '/templates', undefined],
      ['POST', '/tokens', { name: 'x', role: 'admin' }],
      ['PUT', '/settings/company', { name: 'x' }],
    ];
    for (const [method, path, body] of changes) {
      expect({ path, status: (await api.call(method, `/api/v1${path}`, { token, body })).status }).toEqual({
        path,
        status: 403,
      });
    }
    expect((await api.call('GET', '/api/v1/flows/sales-documents/versions')).body).toHaveLength(1);
  });

  it('refuses clients the admin and analyst areas', async () => {
    for (const path of ['/flows', '/export', '/tokens', '/employees']) {
      expect((await api.call('GET', `/api/v1${path}`, { token: tokens.client })).status).toBe(403);
    }
  });

  it('makes the first admin token once, with INKFLOW_ADMIN_TOKEN when set', async () => {
    const fresh = await createTestServices({ dialect });
    try {
      fresh.config = { ...fresh.config, adminToken: 'ink_fixed-for-scripts' };
      expect(await ensureAdminToken(fresh)).toBe('ink_fixed-for-scripts');
      expect(await ensureAdminToken(fresh)).toBeUndefined();
      const rows = await fresh.database.db.selectFrom('api_tokens').select(['role', 'token_hash']).execute();
      expect(rows).toEqual([{ role: 'admin', token_hash: hashToken('ink_fixed-for-scripts') }]);
    } finally {
      await fresh.dispose();
    }
    const random = await createTestServices({ dialect });
    try {
      const secret = await ensureAdminToken(random);
      expect(secret).toMatch(/^ink_.{40,}/);
    } finally {
      await random.dispose();
    }
  });
});
