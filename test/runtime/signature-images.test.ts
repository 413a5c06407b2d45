// What a signer may upload as a signature or stamp, and how it reaches the final PDF: a PNG is
// normalised (RGB on white, on the worker pool), a JPEG (a scanned stamp, made here by poppler's
// pdftoppm from a real PDF) is kept as it is and drawn by the reader (DCTDecode); a JPEG whose
// markers do not add up, one over 2000 px a side, an SVG with a script and text are refused. The
// company signer's JPEG stamp goes through the signer's page, is stored unchanged, and lands in
// the final PDF's stamp box in its colour (rendered back by poppler).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeFinalPdfNow } from '../../runtime/completion/compose-final-pdf-now.ts';
import { drawImage, embedImage } from '../../runtime/completion/embed-image.ts';
import type { RuntimeServices } from '../../runtime/services.ts';
import { readJpegHeader } from '../../runtime/signing/jpeg-header.ts';
import { readSignatureImage } from '../../runtime/signing/signature-image.ts';
import type { SignatureMark } from '../../schemas/index.ts';
import { createSigningFixture, latestCode, signerBrowser } from '../support/signing-fixtures.ts';
import { createTestServices, startTestServer } from '../support/test-services.ts';
import { countColour, renderPage } from './final-pdf-tools.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const GREEN: [number, number, number] = [20, 150, 60];

/** A real JPEG: a page of one colour drawn by pdf-lib, rendered to JPEG by pdftoppm. */
async function solidJpeg(width: number, height: number, colour: [number, number, number]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([width, height]);
  page.drawRectangle({ x: 0, y: 0, width, height, color: rgb(colour[0] / 255, colour[1] / 255, colour[2] / 255) });
  const dir = await mkdtemp(join(tmpdir(), 'inkflow-jpeg-'));
  try {
    await writeFile(join(dir, 'in.pdf'), await pdf.save());
    await promisify(execFile)('pdftoppm', ['-r', '72', '-jpeg', '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    return new Uint8Array(await readFile(join(dir, 'out.jpg')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function pngOf(width: number, height: number, alpha: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([10, 20, 200, alpha], i);
  return new Uint8Array(PNG.sync.write(png));
}

/** Sets the frame header's height and width (what a 2500 px scan would say). */
function withFrameSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const bytes = Buffer.from(jpeg);
  for (let at = 2; at < bytes.length; ) {
    const marker = bytes[at + 1] as number;
    if (marker >= 0xc0 && marker <= 0xc2) {
      bytes.writeUInt16BE(height, at + 5);
      bytes.writeUInt16BE(width, at + 7);
      return new Uint8Array(bytes);
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('no frame header');
}

describe('signature and stamp images', () => {
  let jpeg: Uint8Array;
  beforeAll(async () => {
    jpeg = await solidJpeg(160, 120, GREEN);
  });

  it('keeps a JPEG as it is, and normalises a PNG to RGB on white', async () => {
    expect(readJpegHeader(jpeg)).toEqual({ width: 160, height: 120, components: 3 });
    expect(Buffer.from(await readSignatureImage(jpeg, 'stamp')).equals(Buffer.from(jpeg))).toBe(true);
    const stored = await readSignatureImage(pngOf(40, 20, 0), 'signature');
    expect(stored[25]).toBe(2); // IHDR colour type: RGB
    const decoded = PNG.sync.read(Buffer.from(stored));
    expect([...decoded.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]); // transparent → white
  });

  it('refuses broken or oversized JPEGs, SVG with a script, text and empty uploads', async () => {
    const refusal = (bytes: Uint8Array) =>
      readSignatureImage(bytes, 'stamp').then(
        () => 'accepted',
        (e: Error) => e.message,
      );
    expect(await refusal(jpeg.subarray(0, 40))).toBe('the stamp is not a readable JPEG image');
    expect(await refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 3]))).toBe(
      'the stamp is not a readable JPEG image',
    );
    expect(await refusal(withFrameSize(jpeg, 2500, 100))).toBe('the stamp must be at most 2000 px a side');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal(svg)).toBe('the stamp is not a PNG or JPEG image');
    expect(await refusal(new Uint8Array())).toBe('the stamp is missing');
    const brokenPng = Buffer.from(pngOf(10, 10, 255));
    brokenPng.fill(0, 40, 60);
    expect(await refusal(new Uint8Array(brokenPng))).toBe('the stamp is not a readable PNG image');
  });

  it('draws a JPEG in the final PDF without decoding it (DCTDecode), in its colour', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([400, 300]);
    drawImage(page, embedImage(pdf, jpeg), { x: 0, y: 0, width: 400, height: 300 });
    const bytes = await pdf.save();
    expect(Buffer.from(bytes).includes('/DCTDecode')).toBe(true);
    const image = await renderPage(bytes, 1);
    expect(countColour(image, GREEN, { x: 20, y: 20, width: 360, height: 260 })).toBeGreaterThan(360 * 260 * 0.95);
  });
});

describe("a JPEG stamp through the signer's page into the final PDF", () => {
  let services: RuntimeServices & { dispose(): Promise<void> };
  let server: { url: string; close(): Promise<void> };
  const marks: SignatureMark[] = [
    { kind: 'sign', party: 'company', partyIndex: 1, tag: '{%sign company}' },
    { kind: 'stamp', party: 'company', partyIndex: 1, tag: '{%stamp company}' },
  ];

  beforeAll(async () => {
    services = await createTestServices({ dialect: 'sqlite' });
    server = await startTestServer(services);
    services.config.publicUrl = server.url; // the forms' Origin must be the instance's own
  });
  afterAll(async () => {
    await server?.close();
    await services?.dispose();
  });

  it('stores the uploaded JPEG unchanged and composes it into the stamp box', async () => {
    const made = await createSigningFixture(services, {
      marks,
      signers: [{ side: 'company', name: 'Carla Company', email: 'carla@acme.example' }],
    });
    const [signer] = made.signers;
    const browser = signerBrowser(server.url, signer!.token);
    expect((await browser.open()).status).toBe(200);
    expect((await browser.postForm('consent', { consent: 'yes' })).status).toBe(303);
    expect((await browser.postForm('confirm', { code: await latestCode(services, signer!.id) })).status).toBe(303);
    const page = await browser.open();
    expect(page.text).toContain('accept="image/png,image/jpeg"');
    const stamp = await solidJpeg(150, 150, GREEN);
    const form = new FormData();
    form.set('method', 'drawn');
    form.set('signatureData', `data:image/png;base64,${Buffer.from(pngOf(200, 60, 255)).toString('base64')}`);
    form.set('stamp', new Blob([Buffer.from(stamp)], { type: 'image/jpeg' }), 'stamp.jpg');
    expect((await browser.postMultipart('submit', form)).status).toBe(303);
    const row = await services.database.db
      .selectFrom('envelope_signers')
      .selectAll()
      .where('id', '=', signer!.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('signed');
    expect(Buffer.from(row.stamp_png!).equals(Buffer.from(stamp))).toBe(true);

    const box = { page: 1, x: 300, y: 500, width: 120, height: 120 };
    const original = await PDFDocument.create();
    original.addPage([595, 842]);
    const final = await composeFinalPdfNow({
      originalPdf: await original.save(),
      marks: [{ ...marks[1]!, box }],
      signers: [
        {
          name: 'Carla Company',
          side: 'company',
          partyIndex: 1,
          codeDestination: 'c•••@acme.example',
          consentAt: row.consent_at,
          codeConfirmedAt: row.code_confirmed_at,
          signedAt: row.signed_at!,
          ip: row.ip,
          userAgent: row.user_agent,
          signaturePng: row.signature_png!,
          stampPng: row.stamp_png,
          fields: {},
          signatureMethod: 'drawn',
        },
      ],
      envelopeId: made.envelopeId,
      documentId: made.documentId,
      title: 'Service agreement',
      senderCompany: 'Acme Ltd',
      originalSha256: 'x'.repeat(64),
      completedAt: new Date().toISOString(),
      verifyUrl: 'http://localhost/verify/x',
      language: 'en',
    });
    const image = await renderPage(final, 1);
    const inside = { x: box.x + 10, y: box.y + 10, width: box.width - 20, height: box.height - 20 };
    expect(countColour(image, GREEN, inside)).toBeGreaterThan(inside.width * inside.height * 0.9);
  });
});
