// What the signer's page does beside the journey (signing-journey.test.ts walks the steps and the
// abuse cases): the strict headers of its refusal pages (a link that is not one, a path under a
// token that is not a step), the signer's language on every page, refusals included, and its own
// assets (signature_pad served from the runtime, never a CDN), with nothing else reachable under
// them. Real HTTP on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import { capturedLogger } from '../support/captured-logger.ts';
import { dialects } from '../support/database-places.ts';
import { codeFromOutbox, createSigningFixture, fixturePdf } from '../support/signing-fixtures.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';

describe.each(dialects)('the signer page on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  const clock = Date.now();

  beforeAll(async () => {
    await fixturePdf();
    const captured = capturedLogger('debug');
    services = await createTestServices({ dialect, now: () => new Date(clock) });
    services.logger = captured.logger;
    server = await startTestServer(services);
    services.config.publicUrl = server.url;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  class Browser {
    cookie = '';
    constructor(readonly token: string) {}
    async get(path = ''): Promise<Response> {
      return fetch(`${server.url}/sign/${this.token}${path}`, {
        redirect: 'manual',
        headers: this.cookie ? { cookie: this.cookie } : {},
      });
    }
    async post(step: string, body: URLSearchParams | FormData, origin = server.url): Promise<Response> {
      const headers: Record<string, string> = { origin };
      if (this.cookie) headers.cookie = this.cookie;
      const response = await fetch(`${server.url}/sign/${this.token}/${step}`, {
        method: 'POST',
        body,
        headers,
        redirect: 'manual',
      });
      const set = response.headers.get('set-cookie');
      if (set) this.cookie = set.split(';')[0] ?? '';
      return response;
    }
    async confirmed(signerId: string): Promise<void> {
      expect((await this.post('consent', new URLSearchParams({ consent: 'yes' }))).status).toBe(303);
      const code = await codeFromOutbox(services, signerId);
      expect((await this.post('confirm', new URLSearchParams({ code }))).status).toBe(303);
    }
  }

  it('refuses an unknown or malformed link with a 404 page and the strict headers', async () => {
    const malformed = await fetch(`${server.url}/sign/not-a-token`);
    expect(malformed.status).toBe(404);
    expect(await malformed.text()).toContain('This link does not work');
    const unknown = await fetch(`${server.url}/sign/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('cache-control')).toBe('no-store');
    expect(unknown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(unknown.headers.get('x-frame-options')).toBe('DENY');
    expect(unknown.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(unknown.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const subpath = await fetch(`${server.url}/sign/${'A'.repeat(43)}/nowhere`);
    expect(subpath.status).toBe(404);
    const subpathPage = await subpath.text();
    expect(subpathPage).toContain('This link does not work');
    expect(subpathPage).not.toContain('A'.repeat(43));
  });

  it("speaks the signer's language (pt-BR) on every page, refusals included", async () => {
    const fixture = await createSigningFixture(services, {
      signers: [{ side: 'counterparty', name: 'Joana', email: 'joana@cliente.example', language: 'pt-BR' }],
    });
    const signer = fixture.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    const terms = await (await browser.get()).text();
    expect(terms).toContain('<html lang="pt-BR">');
    expect(terms).toContain('Li e concordo em assinar eletronicamente');
    const foreign = await browser.post('consent', new URLSearchParams({ consent: 'yes' }), 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('<html lang="pt-BR">');
    await browser.confirmed(signer.id);
    const document = await (await browser.get()).text();
    expect(document).toContain('alt="Página 1 de 1"');
  });

  it('serves its own assets and signature_pad, and nothing else', async () => {
    for (const name of ['signing.css', 'signer.js', 'signature_pad.umd.min.js']) {
      const response = await fetch(`${server.url}/sign-assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    expect((await fetch(`${server.url}/sign-assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/sign-assets/constructor`)).status).toBe(404);
  });
});
