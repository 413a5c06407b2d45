// Sealing a real PDF (LibreOffice's, from the demo contract) and checking it from outside: poppler's
// pdfsig must call the signature valid and covering the whole file, pdftotext must read the same
// text, and verifyPdf must say intact; a changed byte or appended bytes make it modified; a PDF
// never sealed, or sealed with another certificate, is unknown.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import { sealPdf } from '../../runtime/sealing/seal-pdf.ts';
import { sealReason } from '../../runtime/sealing/seal-reason.ts';
import { findLastSignature } from '../../runtime/verification/find-signature.ts';
import { verifyPdf } from '../../runtime/verification/verify-pdf.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { flipByte, foreignIdentity, pdfsig, pdftotext } from '../support/seal-tools.ts';

const details = {
  reason: sealReason('env_seal_test'),
  name: 'inkflow seal',
  location: 'https://inkflow.example',
  contactInfo: '',
};

describe('sealPdf over the demo contract', () => {
  let converter: PdfConverter;
  let original: Uint8Array;
  let sealed: Uint8Array;
  let ours: Awaited<ReturnType<typeof foreignIdentity>>;

  beforeAll(async () => {
    converter = createRealPdf();
    original = await converter.convert(await readFile('runtime/demo/templates/contract-standard.docx'));
    ours = await foreignIdentity('inkflow seal — Construtora São Paulo Ltda.');
    sealed = await sealPdf(original, ours, details);
  }, 120_000);

  afterAll(async () => {
    await converter?.close();
  });

  it('is a signature pdfsig validates and that covers the whole file', async () => {
    const report = await pdfsig(sealed);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');
    expect(report).toContain('inkflow seal — Construtora São Paulo Ltda.');
  });

  it('leaves the text as it was', async () => {
    const before = await pdftotext(original);
    expect(before.length).toBeGreaterThan(200);
    expect(await pdftotext(sealed)).toBe(before);
  });

  it('verifies as intact, naming the envelope', async () => {
    const outcome = await verifyPdf(sealed, ours);
    expect(outcome).toMatchObject({ result: 'intact', sealedByThisInstance: true, envelopeId: 'env_seal_test' });
  });

  it('is modified when one byte in the middle changes', async () => {
    const signature = await findLastSignature(Buffer.from(sealed));
    const [, firstLength] = signature?.byteRange ?? [0, 0];
    const middle = Math.floor(firstLength / 2);
    expect(middle).toBeGreaterThan(1000);
    const changed = flipByte(sealed, middle);
    expect(await verifyPdf(changed, ours)).toMatchObject({ result: 'modified', reason: 'digest_mismatch' });
    expect(await pdfsig(changed)).not.toContain('Signature is Valid.');
  });

  it('is modified when bytes are added after the signed range (an incremental update)', async () => {
    const appended = new Uint8Array(Buffer.concat([sealed, Buffer.from('\n1 0 obj\n<<>>\nendobj\n')]));
    expect(await verifyPdf(appended, ours)).toMatchObject({ result: 'modified', reason: 'bytes_added' });
  });

  it('is unknown when never sealed, or sealed with another certificate', async () => {
    expect(await verifyPdf(original, ours)).toMatchObject({ result: 'unknown', reason: 'no_signature' });
    const other = await foreignIdentity('another instance');
    const sealedElsewhere = await sealPdf(original, other, details);
    expect(await pdfsig(sealedElsewhere)).toContain('Signature is Valid.');
    expect(await verifyPdf(sealedElsewhere, ours)).toMatchObject({
      result: 'unknown',
      reason: 'other_signer',
      sealedByThisInstance: false,
    });
  });

  it('refuses what is not a PDF, and files over 30 MB', async () => {
    await expect(verifyPdf(new TextEncoder().encode('hello'), ours)).rejects.toThrow(/not a PDF/);
    const big = new Uint8Array(30 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    await expect(verifyPdf(big, ours)).rejects.toThrow(/larger than 30 MB/);
  });

  it('lets other work run while it reads a 29 MB file', async () => {
    const padded = new Uint8Array(Buffer.concat([sealed, Buffer.alloc(29 * 1024 * 1024, 0x20)]));
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const outcome = await verifyPdf(padded, ours);
    ticking = false;
    expect(outcome).toMatchObject({ result: 'modified', reason: 'bytes_added' });
    // The hash and the search each yield once per megabyte.
    expect(turns).toBeGreaterThanOrEqual(29);
  });

  it('seals again and again with one opened key (cost printed for the report)', async () => {
    const copies: Uint8Array[] = [];
    const started = performance.now();
    for (let i = 0; i < 5; i++) copies.push(await sealPdf(original, ours, details));
    const sealMs = (performance.now() - started) / 5;
    const verifyStarted = performance.now();
    for (let i = 0; i < 5; i++) await verifyPdf(sealed, ours);
    const verifyMs = (performance.now() - verifyStarted) / 5;
    console.log(
      `demo contract (${original.length} bytes): seal ${sealMs.toFixed(1)} ms, verify ${verifyMs.toFixed(1)} ms`,
    );
    for (const copy of copies) expect((await verifyPdf(copy, ours)).result).toBe('intact');
  });
});
