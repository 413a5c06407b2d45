// Helpers for the seal and verification tests: poppler's pdfsig and pdftotext run on a PDF, a
// small PDF made with pdf-lib, and a seal identity of a test's own (someone else's certificate).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { generateSealP12 } from '../../runtime/sealing/generate-seal-p12.ts';
import { openSealP12 } from '../../runtime/sealing/open-seal-p12.ts';
import type { SealIdentity } from '../../runtime/sealing/seal-identity.ts';

const run = promisify(execFile);

async function onPdfFile(pdf: Uint8Array, tool: string, args: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'inkflow-seal-'));
  try {
    const file = join(dir, 'file.pdf');
    await writeFile(file, pdf);
    // pdfsig exits non-zero for some verdicts: its output is what the tests read.
    const { stdout } = await run(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], {
      maxBuffer: 32 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const pdfsig = (pdf: Uint8Array) => onPdfFile(pdf, 'pdfsig', []);
export const pdftotext = (pdf: Uint8Array) => onPdfFile(pdf, 'pdftotext', []);

export async function smallPdf(text = 'A small contract'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const page of [1, 2]) document.addPage().drawText(`${text}, page ${page}`, { x: 50, y: 700, font, size: 18 });
  return document.save();
}

/** A complete identity around a freshly generated certificate (not any instance's seal). */
export async function foreignIdentity(commonName = 'someone else'): Promise<SealIdentity> {
  const { p12, password } = await generateSealP12(commonName, new Date());
  const { certificate, certificateDer } = openSealP12(p12, password);
  return {
    p12,
    password,
    certificatePem: certificate.toString(),
    certificateDer,
    fingerprintSha256: certificate.fingerprint256,
    subject: certificate.subject,
    notBefore: certificate.validFrom,
    notAfter: certificate.validTo,
    source: 'file',
  };
}

/** The sealed file with one byte changed, at `offset` — asserted to lie inside a signed range. */
export function flipByte(pdf: Uint8Array, offset: number): Uint8Array {
  const copy = new Uint8Array(pdf);
  copy[offset] = (copy[offset] ?? 0) ^ 0x01;
  return copy;
}
