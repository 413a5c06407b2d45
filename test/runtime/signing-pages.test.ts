// The signer's journey over real HTTP against real SQLite and PostgreSQL: the state pages, consent
// → code (read from the outbox, as the signer would read their message) → confirm → submit, the
// abuse cases (wrong codes, resends, foreign origin, bad images, double submit, forwarded link),
// and that neither a token nor a code reaches the trail or the request log.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import { capturedLogger, type LogEntry } from '../support/captured-logger.ts';
import { dialects } from '../support/database-places.ts';
import { codeFromOutbox, createSigningFixture, fixturePdf } from '../support/signing-fixtures.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';

function png(width = 40, height = 20): Uint8Array {
  const image = new PNG({ width, height });
  image.data.fill(255);
  return new Uint8Array(PNG.sync.write(image));
}

const dataUrl = (bytes: Uint8Array): string => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

describe.each(dialects)('the signer page on %s', (dialect) => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  let entries: LogEntry[];
  let clock = Date.now();

  beforeAll(async () => {
    await fixturePdf();
    const captured = capturedLogger('debug');
    entries = captured.entries;
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

  const signForm = (fields: Record<string, string>, signature: string = dataUrl(png())): FormData => {
    const form = new FormData();
    form.set('method', 'drawn');
    form.set('signatureData', signature);
    for (const [name, value] of Object.entries(fields)) form.set(`field.${name}`, value);
    return form;
  };

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

  it('says what happened to an expired, cancelled, completed or replaced link, and whom to ask', async () => {
    const expired = await createSigningFixture(services, { expiresAt: new Date(clock - 1000).toISOString() });
    const expiredPage = await fetch(`${server.url}/sign/${expired.signers[0]?.token}`);
    expect(expiredPage.status).toBe(410);
    expect(await expiredPage.text()).toContain('Ask Acme Ltd to send you a new link');
    const cancelled = await createSigningFixture(services, { envelopeStatus: 'cancelled', senderCompany: 'Globex' });
    const cancelledPage = await fetch(`${server.url}/sign/${cancelled.signers[0]?.token}`);
    expect(cancelledPage.status).toBe(410);
    expect(await cancelledPage.text()).toContain('Globex cancelled it');
    const completed = await createSigningFixture(services, { envelopeStatus: 'completed' });
    expect((await fetch(`${server.url}/sign/${completed.signers[0]?.token}`)).status).toBe(410);
    const replaced = await createSigningFixture(services);
    const signer = replaced.signers[0];
    if (!signer) throw new Error('no signer');
    const { hashSignerToken, issueSignerToken } = await import('../../runtime/envelopes/signer-token.ts');
    await services.database.db
      .insertInto('replaced_signer_tokens')
      .values({
        token_hash: hashSignerToken(signer.token),
        signer_id: signer.id,
        replaced_at: new Date(clock).toISOString(),
      })
      .execute();
    await services.database.db
      .updateTable('envelope_signers')
      .set({ token_hash: issueSignerToken().hash })
      .where('id', '=', signer.id)
      .execute();
    const replacedPage = await fetch(`${server.url}/sign/${signer.token}`);
    expect(replacedPage.status).toBe(410);
    expect(await replacedPage.text()).toContain('A newer link was sent to you');
  });

  it('tells a signer who is not in turn yet to wait', async () => {
    const fixture = await createSigningFixture(services, {
      signers: [
        { side: 'company', name: 'Carl Company' },
        { side: 'counterparty', name: 'Dana Client', status: 'waiting' },
      ],
    });
    const response = await fetch(`${server.url}/sign/${fixture.signers[1]?.token}`);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('Not your turn yet');
  });

  it('walks terms → code → document → signed, once, and the trail and log hold no token or code', async () => {
    const fixture = await createSigningFixture(services);
    const signer = fixture.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    const terms = await browser.get();
    expect(terms.status).toBe(200);
    const termsHtml = await terms.text();
    expect(termsHtml).toContain('<html lang="en">');
    expect(termsHtml).toContain('I have read this and agree to sign electronically');
    const viewed = await services.database.db
      .selectFrom('envelope_signers')
      .select(['status', 'viewed_at'])
      .where('id', '=', signer.id)
      .executeTakeFirstOrThrow();
    expect(viewed.status).toBe('viewed');

    const notTicked = await browser.post('consent', new URLSearchParams({}));
    expect(notTicked.status).toBe(400);
    expect((await browser.post('consent', new URLSearchParams({ consent: 'yes' }))).status).toBe(303);
    const codePage = await (await browser.get()).text();
    expect(codePage).toContain('We sent a 6-digit code to d•••@client.example');
    expect(codePage).toContain('autocomplete="one-time-code"');
    expect(codePage).toContain('inputmode="numeric"');
    const code = await codeFromOutbox(services, signer.id);

    // A forwarded link alone (no cookie) cannot see the pages or sign.
    const stranger = new Browser(signer.token);
    expect((await stranger.post('submit', signForm({ passportNumber: 'X1' }))).status).toBe(403);

    expect((await browser.post('confirm', new URLSearchParams({ code }))).status).toBe(303);
    expect(browser.cookie).toMatch(/^inkflow_signing=/);
    const documentPage = await (await browser.get()).text();
    expect(documentPage).toContain('alt="Page 1 of 1"');
    expect(documentPage).toContain('Passport number');
    const image = await browser.get('/pages/1.png');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    const pixels = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
    expect(pixels.width).toBeGreaterThan(800);
    expect((await stranger.get('/pages/1.png')).status).toBe(403);

    expect((await browser.post('submit', signForm({ passportNumber: '' }))).status).toBe(400);
    const [first, second] = await Promise.all([
      browser.post('submit', signForm({ passportNumber: 'AB123456' })),
      browser.post('submit', signForm({ passportNumber: 'AB123456' })),
    ]);
    // Both land on the done page; only one signed (the trail below has one 'signed').
    expect([first.status, second.status]).toEqual([303, 303]);
    expect((await browser.post('submit', signForm({ passportNumber: 'AB123456' }))).status).toBe(303);
    const done = await (await browser.get()).text();
    expect(done).toContain('You will receive the final PDF by email when everyone has signed.');
    const row = await services.database.db
      .selectFrom('envelope_signers')
      .select(['status', 'fields', 'signature_method', 'signature_png', 'consent_version'])
      .where('id', '=', signer.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('signed');
    expect(JSON.parse(row.fields)).toEqual({ passportNumber: 'AB123456' });
    expect(row.signature_method).toBe('drawn');
    expect(row.consent_version).toBe('esign-consent-v1');
    const trail = await services.database.db
      .selectFrom('envelope_trail')
      .selectAll()
      .where('envelope_id', '=', fixture.envelopeId)
      .execute();
    const kinds = trail.map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'signed')).toHaveLength(1);
    expect(kinds).toEqual(expect.arrayContaining(['viewed', 'consent', 'code_sent', 'code_confirmed', 'field_filled']));
    const trailText = JSON.stringify(trail);
    expect(trailText).not.toContain(signer.token);
    expect(trailText).not.toContain(code);
    expect(trailText).not.toContain('AB123456');
    const logText = JSON.stringify(entries);
    expect(logText).not.toContain(signer.token);
    expect(logText).toContain('/sign/<redacted>');
    const envelope = await services.database.db
      .selectFrom('envelopes')
      .select('status')
      .where('id', '=', fixture.envelopeId)
      .executeTakeFirstOrThrow();
    expect(envelope.status).toBe('sealing');
  });

  it('locks the link after five wrong codes', async () => {
    const fixture = await createSigningFixture(services);
    const signer = fixture.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    await browser.get();
    await browser.post('consent', new URLSearchParams({ consent: 'yes' }));
    const code = await codeFromOutbox(services, signer.id);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await browser.post('confirm', new URLSearchParams({ code: wrong }));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(`${5 - attempt} attempts left`);
    }
    const locked = await browser.post('confirm', new URLSearchParams({ code: wrong }));
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Ask Acme Ltd for a new link');
    expect((await browser.post('confirm', new URLSearchParams({ code }))).status).toBe(429);
    expect((await browser.get()).status).toBe(429);
  });

  it('sends at most five codes, 30 s apart, with a 429 page saying when to retry', async () => {
    const fixture = await createSigningFixture(services);
    const signer = fixture.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    await browser.post('consent', new URLSearchParams({ consent: 'yes' }));
    const tooSoon = await browser.post('code', new URLSearchParams({}));
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('retry-after')).toBeTruthy();
    for (let send = 2; send <= 5; send += 1) {
      clock += 31_000;
      expect((await browser.post('code', new URLSearchParams({}))).status).toBe(303);
    }
    clock += 31_000;
    const exhausted = await browser.post('code', new URLSearchParams({}));
    expect(exhausted.status).toBe(429);
    expect(await exhausted.text()).toContain('No more codes can be sent');
  });

  it('refuses a POST from a foreign origin with a 403 page', async () => {
    const fixture = await createSigningFixture(services);
    const browser = new Browser(fixture.signers[0]?.token ?? '');
    const response = await browser.post('consent', new URLSearchParams({ consent: 'yes' }), 'https://evil.example');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('This form was not sent from this page');
    // Chromium's own form posts under no-referrer say "Origin: null": Sec-Fetch-Site decides then.
    const post = (site: string) =>
      fetch(`${server.url}/sign/${fixture.signers[0]?.token}/consent`, {
        method: 'POST',
        body: new URLSearchParams({ consent: 'yes' }),
        headers: { origin: 'null', 'sec-fetch-site': site },
        redirect: 'manual',
      });
    expect((await post('cross-site')).status).toBe(403);
    expect((await post('same-origin')).status).toBe(303);
  });

  it('refuses a non-image or oversize signature with a 4xx page', async () => {
    const fixture = await createSigningFixture(services);
    const signer = fixture.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    await browser.confirmed(signer.id);
    const text = await browser.post(
      'submit',
      signForm({ passportNumber: 'P1' }, `data:image/png;base64,${Buffer.from('hello').toString('base64')}`),
    );
    expect(text.status).toBe(415);
    const huge = await browser.post('submit', signForm({ passportNumber: 'P1' }, dataUrl(png(2500, 10))));
    expect(huge.status).toBe(415);
    const big = new FormData();
    big.set('method', 'uploaded');
    big.set('signatureFile', new Blob([new Uint8Array(1_200_000)], { type: 'image/png' }), 'sig.png');
    expect((await browser.post('submit', big)).status).toBe(413);
    const row = await services.database.db
      .selectFrom('envelope_signers')
      .select('status')
      .where('id', '=', signer.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('code_confirmed');
  });

  it('declines with a required reason and ends the envelope', async () => {
    const fixture = await createSigningFixture(services);
    const signer = fixture.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    await browser.confirmed(signer.id);
    expect((await browser.post('decline', new URLSearchParams({ reason: '' }))).status).toBe(400);
    expect((await browser.post('decline', new URLSearchParams({ reason: 'x'.repeat(501) }))).status).toBe(400);
    expect((await browser.post('decline', new URLSearchParams({ reason: 'Wrong price' }))).status).toBe(200);
    const envelope = await services.database.db
      .selectFrom('envelopes')
      .select(['status', 'declined_reason'])
      .where('id', '=', fixture.envelopeId)
      .executeTakeFirstOrThrow();
    expect(envelope).toEqual({ status: 'declined', declined_reason: 'Wrong price' });
  });

  it('pre-fills requested fields from the same contact’s earlier signed envelope of the same type', async () => {
    const earlier = await createSigningFixture(services, {
      signers: [{ side: 'counterparty', name: 'Eve', email: 'eve@client.example', contactId: 'contact-eve' }],
    });
    await services.database.db
      .updateTable('envelope_signers')
      .set({
        status: 'signed',
        signed_at: new Date(clock).toISOString(),
        fields: JSON.stringify({ passportNumber: 'EV-77' }),
      })
      .where('id', '=', earlier.signers[0]?.id ?? '')
      .execute();
    clock += 1000;
    const later = await createSigningFixture(services, {
      signers: [{ side: 'counterparty', name: 'Eve', email: 'eve@client.example', contactId: 'contact-eve' }],
    });
    const signer = later.signers[0];
    if (!signer) throw new Error('no signer');
    const browser = new Browser(signer.token);
    await browser.confirmed(signer.id);
    expect(await (await browser.get()).text()).toContain('value="EV-77"');
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
