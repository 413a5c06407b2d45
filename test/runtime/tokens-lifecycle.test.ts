// API tokens over real HTTP on SQLite and PostgreSQL: the last admin token cannot be revoked
// (409; before, one DELETE locked everyone out for good), also when two admins revoke each other
// at once; every issue and revocation is logged at info with who and when, never the secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../runtime/access/issue-token.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { ApiError, TokenInfo } from '../../schemas/index.ts';
import { capturedLogger, logLevels } from '../support/captured-logger.ts';
import { dialects } from '../support/database-places.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';

describe.each(dialects)('admin tokens on %s', (dialect) => {
  const { logger, entries } = capturedLogger('info');
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let first: { id: string; token: string };

  beforeAll(async () => {
    services = await createTestServices({ dialect });
    services.logger = logger;
    server = await startTestServer(services);
    first = await issueToken(services, { name: 'first admin', role: 'admin' });
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  async function call<T>(method: string, path: string, token: string, body?: unknown) {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  it('refuses to revoke the last admin token with 409, and the token keeps working', async () => {
    const refused = await call<ApiError>('DELETE', `/tokens/${first.id}`, first.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('LAST_ADMIN_TOKEN');
    expect(refused.body.error.message).toMatch(/issue another admin token/);
    expect((await call<TokenInfo[]>('GET', '/tokens', first.token)).status).toBe(200);
  });

  it('logs who issued and revoked which token, at info, without the secret', async () => {
    const issued = await call<TokenInfo & { token: string }>('POST', '/tokens', first.token, {
      name: 'second admin',
      role: 'admin',
    });
    expect(issued.status).toBe(201);
    expect((await call('DELETE', `/tokens/${first.id}`, issued.body.token)).status).toBe(204);

    const issue = entries.find((entry) => entry.msg === 'API token issued' && entry.tokenId === issued.body.id);
    expect(issue).toMatchObject({
      level: logLevels.info,
      role: 'admin',
      tokenName: 'second admin',
      by: { tokenId: first.id, name: 'first admin' },
      at: expect.any(String),
    });
    const revoke = entries.find((entry) => entry.msg === 'API token revoked' && entry.tokenId === first.id);
    expect(revoke).toMatchObject({
      level: logLevels.info,
      role: 'admin',
      by: { tokenId: issued.body.id, name: 'second admin' },
      at: expect.any(String),
    });
    const lines = entries.map((entry) => JSON.stringify(entry));
    expect(lines.filter((line) => line.includes(issued.body.token) || line.includes(first.token))).toEqual([]);
    first = { id: issued.body.id, token: issued.body.token };
  });

  it('keeps one admin token when two admins revoke each other at the same moment', async () => {
    const other = await call<TokenInfo & { token: string }>('POST', '/tokens', first.token, {
      name: 'third admin',
      role: 'admin',
    });
    const [a, b] = await Promise.all([
      call('DELETE', `/tokens/${other.body.id}`, first.token),
      call('DELETE', `/tokens/${first.id}`, other.body.token),
    ]);
    // The loser is refused (409), or finds its own token already revoked (401) when it came second.
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(204);
    expect([401, 409]).toContain(statuses[1]);
    const admins = await services.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('role', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
    if (b.status === 204) first = { id: other.body.id, token: other.body.token };
  });

  it('revokes client tokens freely', async () => {
    const client = await call<TokenInfo>('POST', '/tokens', first.token, { name: 'crm', role: 'client' });
    expect((await call('DELETE', `/tokens/${client.body.id}`, first.token)).status).toBe(204);
  });
});
