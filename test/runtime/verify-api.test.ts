// The integrity check over real HTTP, on SQLite and PostgreSQL: a PDF sealed with the instance's own
// seal and recorded on an envelope is intact and finds the envelope (no emails or IPs unless the
// token is an admin's); one changed byte is modified and still names it; bad input gets 4xx that
// say what to send; past 20 checks a minute a client gets 429 with Retry-After.
import { request as httpRequest } from 'node:http';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSealIdentity } from '../../runtime/sealing/seal-identity.ts';
import { sealPdf } from '../../runtime/sealing/seal-pdf.ts';
import { sealReason } from '../../runtime/sealing/seal-reason.ts';
import { findLastSignature } from '../../runtime/verification/find-signature.ts';
import type { VerificationEnvelope, VerificationResult } from '../../schemas/index.ts';
import { dialects } from '../support/database-places.ts';
import { flipByte, foreignIdentity, smallPdf } from '../support/seal-tools.ts';
import { createTestServices, issueToken, startTestServer } from '../support/test-services.ts';
import { insertSealedEnvelope } from '../support/verify-fixtures.ts';

const envelopeId = 'env_verify_api';

function form(bytes: Uint8Array, field = 'file'): FormData {
  const body = new FormData();
  body.append(field, new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'contract.pdf');
  return body;
}

for (const dialect of dialects) {
  describe(`POST /api/v1/verify on ${dialect}`, () => {
    let services: Awaited<ReturnType<typeof createTestServices>>;
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let clock = Date.now();
    let sealed: Uint8Array;
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/api/v1/verify`, { method: 'POST', body, headers });

    beforeAll(async () => {
      services = await createTestServices({ dialect, now: () => new Date(clock) });
      server = await startTestServer(services);
      const identity = await loadSealIdentity(services);
      const details = { reason: sealReason(envelopeId), name: 'inkflow seal', location: '', contactInfo: '' };
      sealed = await sealPdf(await smallPdf(), identity, details);
      await insertSealedEnvelope(services, envelopeId, sealed);
    });
    afterAll(async () => {
      await server?.close();
      await services?.dispose();
    });
    // A fresh rate-limit window for each test.
    beforeEach(() => {
      clock += 61_000;
    });

    it('finds the envelope of an intact file, with no contact details for the public', async () => {
      const response = await post(form(sealed));
      expect(response.status).toBe(200);
      const text = await response.text();
      const result = JSON.parse(text) as VerificationResult;
      expect(result).toMatchObject({ result: 'intact', sealedByThisInstance: true, reason: 'sealed' });
      expect(result.envelope).toMatchObject({
        envelopeId,
        documentId: `doc_${envelopeId}`,
        title: 'Service contract',
        status: 'completed',
        parties: [
          { name: 'Ana Diretora', side: 'company', signedAt: '2026-12-01T10:00:00.000Z' },
          { name: 'Bruno Cliente', side: 'counterparty', signedAt: '2026-12-01T11:00:00.000Z' },
        ],
      });
      expect(result.envelope?.detail).toBeUndefined();
      for (const secret of ['ana@example.com', 'bruno@example.com', '+55 11', '203.0.113.7', 'Mozilla']) {
        expect(text).not.toContain(secret);
      }
    });

    it('gives an admin token the signers’ contact details, IPs and user agents', async () => {
      const admin = await issueToken(services, 'admin');
      const response = await post(form(sealed), { authorization: `Bearer ${admin}` });
      const result = (await response.json()) as VerificationResult;
      expect(result.envelope?.detail?.signers[1]).toMatchObject({
        email: 'bruno@example.com',
        phone: '+55 11 99999-0000',
        ip: '203.0.113.7',
        userAgent: 'Mozilla/5.0 test',
      });
    });

    it('accepts the raw bytes as application/pdf', async () => {
      const response = await post(new Blob([new Uint8Array(sealed)]), { 'content-type': 'application/pdf' });
      expect(((await response.json()) as VerificationResult).result).toBe('intact');
    });

    it('reports one changed byte as modified and still names the envelope', async () => {
      const [, firstLength] = (await findLastSignature(Buffer.from(sealed)))?.byteRange ?? [0, 0];
      const response = await post(form(flipByte(sealed, Math.floor(firstLength / 2))));
      const result = (await response.json()) as VerificationResult;
      expect(result).toMatchObject({ result: 'modified', sealedByThisInstance: true });
      expect(result.envelope?.envelopeId).toBe(envelopeId);
    });

    it('reports a PDF never sealed, or sealed by someone else, as unknown with no envelope', async () => {
      const plain = await (await post(form(await smallPdf()))).json();
      expect(plain).toMatchObject({ result: 'unknown', reason: 'no_signature', envelope: null });
      const other = await foreignIdentity();
      const theirs = await sealPdf(await smallPdf(), other, {
        reason: sealReason(envelopeId),
        name: 'n',
        location: '',
        contactInfo: '',
      });
      const result = (await (await post(form(theirs))).json()) as VerificationResult;
      expect(result).toMatchObject({ result: 'unknown', reason: 'other_signer', envelope: null });
    });

    it('answers bad input with a 4xx that says what to send', async () => {
      const noFile = await post(form(sealed, 'document'));
      expect(noFile.status).toBe(400);
      expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('VERIFY_FILE_REQUIRED');
      const notPdf = await post(form(new TextEncoder().encode('<html>hello</html>')));
      expect(notPdf.status).toBe(415);
      expect(await notPdf.text()).toContain('VERIFY_NOT_PDF');
      const json = await post(JSON.stringify({ file: 'x' }), { 'content-type': 'application/json' });
      expect(json.status).toBe(415);
      const big = new Uint8Array(31 * 1024 * 1024);
      big.set(new TextEncoder().encode('%PDF-1.7\n'));
      const tooBig = await post(form(big));
      expect(tooBig.status).toBe(413);
      expect(await tooBig.text()).toContain('VERIFY_FILE_TOO_LARGE');
    });

    it('refuses a declared 100 MB body before reading it, and never inflates a PDF bomb', async () => {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(`${server.url}/api/v1/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', 'content-length': String(100 * 1024 * 1024) },
        });
        request.on('response', (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        });
        request.on('error', reject);
        request.write('%PDF-1.7\n');
      });
      expect(status).toBe(413);
      expect(body).toContain('VERIFY_FILE_TOO_LARGE');
      // The same without a declared length (chunked): the read stops at 30 MB.
      const chunked = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(`${server.url}/api/v1/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/pdf', 'transfer-encoding': 'chunked' },
        });
        request.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        const megabyte = Buffer.alloc(1024 * 1024, 0x20);
        request.write('%PDF-1.7\n');
        for (let i = 0; i < 31; i++) request.write(megabyte);
        request.end();
      });
      expect(chunked).toBe(413);
      // 64 MB of zeros in a 64 KB stream: the check reads bytes and signatures, it inflates nothing.
      const bomb = Buffer.concat([
        Buffer.from('%PDF-1.7\n1 0 obj\n<< /Length 0 /Filter /FlateDecode >>\nstream\n'),
        deflateSync(Buffer.alloc(64 * 1024 * 1024)),
        Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
      ]);
      const answer = (await (await post(form(new Uint8Array(bomb)))).json()) as VerificationResult;
      expect(answer).toMatchObject({ result: 'unknown', reason: 'no_signature' });
    });

    it('answers 429 with Retry-After past 20 checks a minute from one address', async () => {
      const tiny = await smallPdf();
      for (let i = 0; i < 20; i++) expect((await post(form(tiny))).status).toBe(200);
      const limited = await post(form(tiny));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.text()).toContain('VERIFY_RATE_LIMITED');
      clock += 61_000;
      expect((await post(form(tiny))).status).toBe(200);
    });

    it('serves an envelope’s public summary, and 404 for an unknown id', async () => {
      const response = await fetch(`${server.url}/api/v1/verify/${envelopeId}`);
      const summary = (await response.json()) as VerificationEnvelope;
      expect(summary.finalSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(summary.parties).toHaveLength(2);
      expect(JSON.stringify(summary)).not.toContain('@example.com');
      expect((await fetch(`${server.url}/api/v1/verify/env_nope`)).status).toBe(404);
    });

    it('shows the seal certificate to client and admin tokens only', async () => {
      const url = `${server.url}/api/v1/settings/seal`;
      expect((await fetch(url)).status).toBe(401);
      const analyst = await issueToken(services, 'analyst');
      expect((await fetch(url, { headers: { authorization: `Bearer ${analyst}` } })).status).toBe(403);
      const client = await issueToken(services, 'client');
      const response = await fetch(url, { headers: { authorization: `Bearer ${client}` } });
      const seal = (await response.json()) as Record<string, string>;
      expect(seal.source).toBe('generated');
      expect(seal.fingerprintSha256).toBe((await loadSealIdentity(services)).fingerprintSha256);
      expect(seal.certificatePem).toContain('BEGIN CERTIFICATE');
      expect(JSON.stringify(seal)).not.toMatch(/PRIVATE KEY|password|p12/i);
    });
  });
}
