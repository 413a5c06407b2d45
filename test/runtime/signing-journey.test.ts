// The signer's journey over real HTTP on both stores, real LibreOffice PDF, poppler's page images
// (signing-pages.test.ts has the refusal pages' headers, the language and the assets): every state page, the whole journey (terms → code → document → fields → signature →
// done), decline, the one-time code's limits (wrong ×5 locks, resends bounded and spaced), CSRF,
// oversize and non-image signatures, a double submit, a forwarded link, reuse of earlier values,
// and that neither the token nor the code reaches the trail or the log.
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RuntimeServices } from '../../runtime/services.ts';
import type { SignatureMark } from '../../schemas/index.ts';
import { capturedLogger, type LogEntry } from '../support/captured-logger.ts';
import {
  createSigningFixture,
  latestCode,
  type SignerBrowser,
  type SigningFixtureOptions,
  signerBrowser,
} from '../support/signing-fixtures.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

function inkPng(width = 200, height = 60): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) {
    const x = (i / 4) % width;
    const ink = Math.abs(x - Math.floor(i / 4 / width) * 3) < 4;
    png.data.fill(ink ? 20 : 255, i, i + 3);
    png.data[i + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}

// The first client is party index 1, as plan-envelope numbers them.
const marks: SignatureMark[] = [
  { kind: 'sign', party: 'client', partyIndex: 1, tag: '{%sign client}' },
  { kind: 'field', party: 'client', partyIndex: 1, field: 'passportNumber', tag: '{?client passportNumber}' },
  { kind: 'field', party: 'client', partyIndex: 1, field: 'city', tag: '{?client city}' },
];
const client = (extra: Partial<NonNullable<SigningFixtureOptions['signers']>[number]> = {}) => ({
  side: 'counterparty' as const,
  name: 'Dana Client',
  email: 'dana@client.example',
  ...extra,
});

const dataUrl = (bytes: Uint8Array) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`;

function signForm(fields: Record<string, string>, signature: string | Blob, method = 'drawn'): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(`field.${name}`, value);
  form.set('method', method);
  if (typeof signature === 'string') form.set('signatureData', signature);
  else form.set('signatureFile', signature, 'signature.png');
  return form;
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`the signer's page (${dialect})`, () => {
    const log = capturedLogger('debug');
    let clock = new Date('2026-12-02T12:00:00.000Z');
    let services: RuntimeServices & { dispose(): Promise<void> };
    let server: { url: string; close(): Promise<void> };
    const secrets: string[] = [];

    beforeAll(async () => {
      const base = await createTestServices({ dialect, now: () => clock });
      services = Object.assign(base, { logger: log.logger });
      server = await startTestServer(services);
      services.config.publicUrl = server.url;
    });
    afterAll(async () => {
      await server?.close();
      await services?.dispose();
    });

    async function fixture(options: Partial<SigningFixtureOptions> = {}) {
      const made = await createSigningFixture(services, { marks, signers: [client()], ...options });
      for (const signer of made.signers) secrets.push(signer.token);
      return made;
    }

    async function trailKinds(envelopeId: string): Promise<string[]> {
      const rows = await services.database.db
        .selectFrom('envelope_trail')
        .select(['kind'])
        .where('envelope_id', '=', envelopeId)
        .orderBy('seq')
        .execute();
      return rows.map((row) => row.kind);
    }

    async function signerRow(id: string) {
      return services.database.db
        .selectFrom('envelope_signers')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    }

    /** Terms → code → confirmed session; returns the browser on the document page. */
    async function confirmed(signerId: string, token: string): Promise<SignerBrowser> {
      const browser = signerBrowser(server.url, token);
      expect((await browser.open()).status).toBe(200);
      expect((await browser.postForm('consent', { consent: 'yes' })).status).toBe(303);
      const code = await latestCode(services, signerId);
      secrets.push(code);
      const answer = await browser.postForm('confirm', { code });
      expect(answer.status).toBe(303);
      return browser;
    }

    it('refuses links by state, each with a page that says what happened and whom to ask', async () => {
      const malformed = await fetch(`${server.url}/sign/not-a-token`);
      expect(malformed.status).toBe(404);
      expect(await malformed.text()).toContain('This link does not work');
      const unknown = await fetch(`${server.url}/sign/${'A'.repeat(43)}`);
      expect(unknown.status).toBe(404);

      const replaced = await fixture();
      const [old] = replaced.signers;
      const { issueSignerToken, hashSignerToken } = await import('../../runtime/envelopes/signer-token.ts');
      await services.database.db
        .insertInto('replaced_signer_tokens')
        .values({ token_hash: hashSignerToken(old!.token), signer_id: old!.id, replaced_at: clock.toISOString() })
        .execute();
      await services.database.db
        .updateTable('envelope_signers')
        .set({ token_hash: issueSignerToken().hash })
        .where('id', '=', old!.id)
        .execute();
      const replacedPage = await signerBrowser(server.url, old!.token).open();
      expect(replacedPage.status).toBe(410);
      expect(replacedPage.text).toContain('A newer link was sent to you');
      expect(replacedPage.text).toContain('Acme Ltd');

      const expired = await fixture({ expiresAt: '2026-12-01T00:00:00.000Z' });
      const expiredPage = await signerBrowser(server.url, expired.signers[0]!.token).open();
      expect(expiredPage.status).toBe(410);
      expect(expiredPage.text).toContain('This link has expired');
      expect(expiredPage.text).toContain('Ask Acme Ltd to send you a new link');

      const completed = await fixture({ envelopeStatus: 'completed' });
      expect((await signerBrowser(server.url, completed.signers[0]!.token).open()).status).toBe(410);

      const cancelled = await fixture({ envelopeStatus: 'cancelled', senderCompany: 'Globex' });
      const cancelledPage = await signerBrowser(server.url, cancelled.signers[0]!.token).open();
      expect(cancelledPage.status).toBe(410);
      expect(cancelledPage.text).toContain('Globex cancelled it');

      const waiting = await fixture({ signers: [client({ status: 'waiting' })] });
      const waitingPage = await signerBrowser(server.url, waiting.signers[0]!.token).open();
      expect(waitingPage.status).toBe(409);
      expect(waitingPage.text).toContain('Not your turn yet');

      const portuguese = await fixture({ signers: [client({ status: 'waiting', language: 'pt-BR' })] });
      const portuguesePage = await signerBrowser(server.url, portuguese.signers[0]!.token).open();
      expect(portuguesePage.text).toContain('lang="pt-BR"');
      expect(portuguesePage.text).toContain('Ainda não é sua vez');
    });

    it('walks terms → code → document → sign, and a second submit signs once', async () => {
      const made = await fixture();
      const [signer] = made.signers;
      const browser = signerBrowser(server.url, signer!.token);
      const terms = await browser.open();
      expect(terms.status).toBe(200);
      expect(terms.text).toContain('sign electronically');
      expect(terms.headers.get('cache-control')).toBe('no-store');
      expect(terms.headers.get('referrer-policy')).toBe('no-referrer');
      expect(terms.headers.get('x-frame-options')).toBe('DENY');
      expect(terms.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect((await signerRow(signer!.id)).status).toBe('viewed');

      expect((await browser.postForm('consent', {})).status).toBe(400);
      expect((await browser.postForm('consent', { consent: 'yes' })).location).toBe(`/sign/${signer!.token}`);
      const codePage = await browser.open();
      expect(codePage.text).toContain('d•••@client.example');
      expect(codePage.text).toContain('autocomplete="one-time-code"');
      expect(codePage.text).toContain('inputmode="numeric"');

      // Before the code, the document's images are not served.
      expect((await browser.get('/pages/1.png')).status).toBe(403);
      const code = await latestCode(services, signer!.id);
      secrets.push(code);
      const confirmedAnswer = await browser.postForm('confirm', { code });
      expect(confirmedAnswer.status).toBe(303);
      const cookie = confirmedAnswer.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(cookie).toContain(`Path=/sign/${signer!.token}`);

      const documentPage = await browser.open();
      expect(documentPage.text).toContain('Passport number');
      expect(documentPage.text).toContain('City');
      expect(documentPage.text).toMatch(/alt="Page 1 of \d+"/);
      const image = await fetch(`${server.url}/sign/${signer!.token}/pages/1.png`, {
        headers: { cookie: cookie.split(';')[0]! },
      });
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      const pageImage = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
      expect(pageImage.width).toBeGreaterThan(800); // A4 at 110 dpi is 910 px wide

      // A forwarded link without the confirming browser's cookie cannot sign.
      const forwarded = signerBrowser(server.url, signer!.token);
      expect((await forwarded.open()).text).toContain('6-digit code');
      const stolen = await forwarded.postMultipart(
        'submit',
        signForm({ passportNumber: 'X', city: 'Y' }, dataUrl(inkPng())),
      );
      expect(stolen.status).toBe(403);

      // Missing requested field: refused, nothing signed.
      const missing = await browser.postMultipart('submit', signForm({ passportNumber: 'P123' }, dataUrl(inkPng())));
      expect(missing.status).toBe(400);
      expect(missing.text).toContain('City');
      expect((await signerRow(signer!.id)).status).toBe('code_confirmed');

      const form = signForm({ passportNumber: 'P1234567', city: 'Lisbon' }, dataUrl(inkPng()));
      const [first, second] = await Promise.all([
        browser.postMultipart('submit', form),
        browser.postMultipart('submit', signForm({ passportNumber: 'OTHER', city: 'Other' }, dataUrl(inkPng()))),
      ]);
      expect(first.status).toBe(303);
      expect([303, 403, 409]).toContain(second.status);
      const done = await browser.open();
      expect(done.status).toBe(200);
      expect(done.text).toContain('Signed');
      expect(done.text).toContain('You will receive the final PDF by email when everyone has signed.');

      const row = await signerRow(signer!.id);
      expect(row.status).toBe('signed');
      expect(row.signature_method).toBe('drawn');
      expect(PNG.sync.read(Buffer.from(row.signature_png!)).width).toBe(200);
      expect(Object.keys(JSON.parse(row.fields))).toEqual(['passportNumber', 'city']);
      const kinds = await trailKinds(made.envelopeId);
      expect(kinds.filter((kind) => kind === 'signed')).toHaveLength(1);
      expect(kinds).toEqual(
        expect.arrayContaining(['viewed', 'consent', 'code_sent', 'code_confirmed', 'field_filled', 'signed']),
      );
      expect(kinds.filter((kind) => kind === 'field_filled')).toHaveLength(2);
      // The only signer signed: advanceEnvelope started sealing.
      const envelope = await services.database.db
        .selectFrom('envelopes')
        .select('status')
        .where('id', '=', made.envelopeId)
        .executeTakeFirstOrThrow();
      expect(envelope.status).toBe('sealing');
    });

    it('locks the link after the fifth wrong code, and the right code no longer works', async () => {
      const made = await fixture();
      const [signer] = made.signers;
      const browser = signerBrowser(server.url, signer!.token);
      await browser.open();
      await browser.postForm('consent', { consent: 'yes' });
      const code = await latestCode(services, signer!.id);
      secrets.push(code);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const answer = await browser.postForm('confirm', { code: wrong });
        expect(answer.status).toBe(400);
        expect(answer.text).toContain(`${5 - attempt} attempts left`);
      }
      const fifth = await browser.postForm('confirm', { code: wrong });
      expect(fifth.status).toBe(429);
      expect(fifth.text).toContain('Ask Acme Ltd for a new link');
      expect((await browser.postForm('confirm', { code })).status).toBe(429);
      expect((await browser.open()).status).toBe(429);
      const row = await signerRow(signer!.id);
      expect(row.code_locked).toBe(1);
      expect(row.status).toBe('viewed');
      const kinds = await trailKinds(made.envelopeId);
      expect(kinds.filter((kind) => kind === 'code_failed')).toHaveLength(5);
      expect(kinds).toContain('code_locked');
    });

    it('sends at most 5 codes per link, at least 30 s apart (429 pages with when to retry)', async () => {
      const made = await fixture({ signers: [client({ email: null })] });
      const [signer] = made.signers;
      const browser = signerBrowser(server.url, signer!.token);
      await browser.open();
      await browser.postForm('consent', { consent: 'yes' });
      expect((await browser.open()).text).toContain('1234');
      const tooSoon = await browser.postForm('code', {});
      expect(tooSoon.status).toBe(429);
      expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(tooSoon.text).toContain('Please wait a moment');
      for (let send = 2; send <= 5; send += 1) {
        clock = new Date(clock.getTime() + 31_000);
        expect((await browser.postForm('code', {})).status).toBe(303);
      }
      clock = new Date(clock.getTime() + 31_000);
      const sixth = await browser.postForm('code', {});
      expect(sixth.status).toBe(429);
      expect(sixth.text).toContain('Too many codes sent');
      const row = await signerRow(signer!.id);
      expect(row.code_sends).toBe(5);
      expect(row.code_channel).toBe('sms');
      const codes = await services.database.db
        .selectFrom('outbox')
        .select(['channel'])
        .where('signer_id', '=', signer!.id)
        .where('purpose', '=', 'code')
        .execute();
      expect(codes).toHaveLength(5);
      expect(codes.every((message) => message.channel === 'sms')).toBe(true);
      secrets.push(await latestCode(services, signer!.id));
    });

    it('refuses a form posted from another origin (CSRF) with a 403 page, and records nothing', async () => {
      const made = await fixture();
      const [signer] = made.signers;
      const evil = signerBrowser(server.url, signer!.token, 'https://evil.example');
      const foreign = await evil.postForm('consent', { consent: 'yes' });
      expect(foreign.status).toBe(403);
      expect(foreign.text).toContain('This form was not sent from this page');
      const bare = signerBrowser(server.url, signer!.token, '');
      expect((await bare.postForm('consent', { consent: 'yes' })).status).toBe(403);
      const sameSite = await bare.postForm('consent', { consent: 'yes' }, { 'sec-fetch-site': 'same-origin' });
      expect(sameSite.status).toBe(303);
      const row = await signerRow(signer!.id);
      expect(row.consent_at).not.toBeNull();
      secrets.push(await latestCode(services, signer!.id));
    });

    it('refuses an oversize form (413) and a signature that is not an image (4xx), with pages', async () => {
      const made = await fixture();
      const [signer] = made.signers;
      const browser = await confirmed(signer!.id, signer!.token);
      const huge = new FormData();
      huge.set('method', 'uploaded');
      huge.set('signatureFile', new Blob([new Uint8Array(1_700_000)], { type: 'image/png' }), 'big.png');
      const tooLarge = await browser.postMultipart('submit', huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.text).toContain('too large');

      const text = new Blob([new TextEncoder().encode('not a picture at all')], { type: 'image/png' });
      const notImage = await browser.postMultipart(
        'submit',
        signForm({ passportNumber: 'P', city: 'C' }, text, 'uploaded'),
      );
      expect(notImage.status).toBeGreaterThanOrEqual(400);
      expect(notImage.status).toBeLessThan(500);
      expect(notImage.text).toContain('That image cannot be used');
      const fakeDataUrl = `data:image/png;base64,${Buffer.from('GIF89a....').toString('base64')}`;
      expect(
        (await browser.postMultipart('submit', signForm({ passportNumber: 'P', city: 'C' }, fakeDataUrl))).status,
      ).toBe(415);
      const bigSide = await browser.postMultipart(
        'submit',
        signForm({ passportNumber: 'P', city: 'C' }, dataUrl(inkPng(2100, 10))),
      );
      expect(bigSide.status).toBe(415);
      expect((await signerRow(signer!.id)).status).toBe('code_confirmed');

      const upload = new Blob([Buffer.from(inkPng(300, 90))], { type: 'image/png' });
      expect(
        (await browser.postMultipart('submit', signForm({ passportNumber: 'P', city: 'C' }, upload, 'uploaded')))
          .status,
      ).toBe(303);
      expect((await signerRow(signer!.id)).signature_method).toBe('uploaded');
    });

    it('asks the company signer for the stamp the document marks, and keeps it apart from the signature', async () => {
      const made = await fixture({
        marks: [
          { kind: 'sign', party: 'company', partyIndex: 1, tag: '{%sign company}' },
          { kind: 'stamp', party: 'company', partyIndex: 1, tag: '{%stamp company}' },
        ],
        signers: [{ side: 'company', name: 'Carla Company', email: 'carla@acme.example' }],
      });
      const [signer] = made.signers;
      const browser = await confirmed(signer!.id, signer!.token);
      const page = await browser.open();
      expect(page.text).toContain('Company stamp');
      expect(page.text).toContain('Required by this document.');
      const withoutStamp = await browser.postMultipart('submit', signForm({}, dataUrl(inkPng())));
      expect(withoutStamp.status).toBe(400);
      expect((await signerRow(signer!.id)).status).toBe('code_confirmed');
      const form = signForm({}, dataUrl(inkPng()));
      form.set('stamp', new Blob([Buffer.from(inkPng(150, 150))], { type: 'image/png' }), 'stamp.png');
      expect((await browser.postMultipart('submit', form)).status).toBe(303);
      const row = await signerRow(signer!.id);
      expect(row.status).toBe('signed');
      expect(PNG.sync.read(Buffer.from(row.stamp_png!)).width).toBe(150);
      expect(PNG.sync.read(Buffer.from(row.signature_png!)).width).toBe(200);
    });

    it('offers a client no stamp, and ignores one sent anyway', async () => {
      const made = await fixture();
      const [signer] = made.signers;
      const browser = await confirmed(signer!.id, signer!.token);
      expect((await browser.open()).text).not.toContain('Company stamp');
      const form = signForm({ passportNumber: 'P', city: 'C' }, dataUrl(inkPng()));
      form.set('stamp', new Blob([Buffer.from(inkPng(150, 150))], { type: 'image/png' }), 'stamp.png');
      expect((await browser.postMultipart('submit', form)).status).toBe(303);
      expect((await signerRow(signer!.id)).stamp_png).toBeNull();
    });

    it('declines with a required reason, and the envelope is declined', async () => {
      const made = await fixture();
      const [signer] = made.signers;
      const browser = await confirmed(signer!.id, signer!.token);
      expect((await browser.postForm('decline', { reason: '   ' })).status).toBe(400);
      expect((await browser.postForm('decline', { reason: 'x'.repeat(501) })).status).toBe(400);
      const declined = await browser.postForm('decline', { reason: 'The price is wrong' });
      expect(declined.status).toBeLessThan(400);
      const row = await signerRow(signer!.id);
      expect(row.status).toBe('declined');
      expect(row.decline_reason).toBe('The price is wrong');
      const envelope = await services.database.db
        .selectFrom('envelopes')
        .select(['status'])
        .where('id', '=', made.envelopeId)
        .executeTakeFirstOrThrow();
      expect(envelope.status).toBe('declined');
      expect(await trailKinds(made.envelopeId)).toContain('declined');
      expect((await browser.open()).status).toBe(410);
    });

    it('fills requested fields with what the same contact gave in the last signed envelope of that type', async () => {
      const earlier = await fixture({
        documentType: 'lease',
        signers: [client({ contactId: 'P-1', email: 'first@x.example' })],
      });
      const first = await confirmed(earlier.signers[0]!.id, earlier.signers[0]!.token);
      expect(
        (
          await first.postMultipart(
            'submit',
            signForm({ passportNumber: 'PT-998877', city: 'Porto' }, dataUrl(inkPng())),
          )
        ).status,
      ).toBe(303);
      const later = await fixture({
        documentType: 'lease',
        signers: [client({ contactId: 'P-1', email: 'other@x.example' })],
      });
      const second = await confirmed(later.signers[0]!.id, later.signers[0]!.token);
      const page = await second.open();
      expect(page.text).toContain('value="PT-998877"');
      expect(page.text).toContain('value="Porto"');
      const otherType = await fixture({ documentType: 'nda', signers: [client({ contactId: 'P-1' })] });
      const third = await confirmed(otherType.signers[0]!.id, otherType.signers[0]!.token);
      expect((await third.open()).text).not.toContain('PT-998877');
    });

    it('never puts a link token or a one-time code in the trail or the log', async () => {
      expect(secrets.length).toBeGreaterThan(10);
      const trail = await services.database.db.selectFrom('envelope_trail').select(['details', 'actor']).execute();
      const logged = log.entries.map((entry: LogEntry) => JSON.stringify(entry));
      expect(logged.some((line) => line.includes('/sign/<redacted>'))).toBe(true);
      // A 6-digit code is looked for as a number of its own: inside a longer one (an epoch time in
      // milliseconds, a hash) it is not the code, and matching it there failed about one run in ten.
      const leaks = (text: string, secret: string): boolean =>
        /^\d{6}$/.test(secret) ? new RegExp(`(^|\\D)${secret}(\\D|$)`).test(text) : text.includes(secret);
      for (const secret of secrets) {
        for (const row of trail) expect(leaks(`${row.details} ${row.actor}`, secret), secret).toBe(false);
        for (const line of logged) expect(leaks(line, secret), `${secret} in ${line}`).toBe(false);
      }
    });
  });
}
