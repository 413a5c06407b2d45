// /healthz needs no token and reads none: a stale or wrong Authorization header (a load
// balancer's, a copied curl line) must not turn it into a 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { Health } from '../../schemas/index.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';

describe('/healthz and the Authorization header', () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    services = await createTestServices({
      pdf: {
        convert: async () => new Uint8Array(),
        health: async () => ({ ok: true, detail: 'stand-in' }),
        stats: () => ({ provider: 'cold', instances: 0, converted: 0, failed: 0, restarts: 0 }),
        close: async () => {},
      },
    });
    server = await startTestServer(services);
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it.each([
    ['an unknown token', 'Bearer ink_not-a-token'],
    ['a malformed header', 'Basic dXNlcjpwYXNz'],
  ])('answers as without a header for %s', async (_what, header) => {
    const response = await fetch(`${server.url}/healthz`, { headers: { authorization: header } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Health).status).toBe('ok');
  });

  it('still refuses the same header on the API', async () => {
    const response = await fetch(`${server.url}/api/v1/flows`, {
      headers: { authorization: 'Bearer ink_not-a-token' },
    });
    expect(response.status).toBe(401);
  });
});
