// composeFinalPdf over a real PDF that LibreOffice made from the demo contract, checked from
// outside with poppler: the stripe on every page, the certificate's contents, field values in the
// text, and the signature's pixels inside its box. Bad inputs are refused with validation errors.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeFinalPdf, type FinalPdfInput, type FinalSigner } from '../../runtime/completion/compose-final-pdf.ts';
import { composeFinalPdfNow } from '../../runtime/completion/compose-final-pdf-now.ts';
import type { PdfConverter } from '../../runtime/pdf/convert-to-pdf.ts';
import type { SignatureMark } from '../../schemas/index.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { countColour, pageCount, pagesText, renderPage, solidPng } from './final-pdf-tools.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const RED: [number, number, number] = [220, 20, 20];
const BLUE: [number, number, number] = [20, 40, 220];
const GREEN: [number, number, number] = [20, 170, 40];
const signBox = { page: 1, x: 60, y: 120, width: 170, height: 51 };
const stampBox = { page: 1, x: 300, y: 120, width: 170, height: 51 };
const fieldBox = { page: 1, x: 60, y: 80, width: 170, height: 16 };

const marks: SignatureMark[] = [
  { kind: 'sign', party: 'company', partyIndex: 1, tag: '{%sign company}', box: signBox },
  { kind: 'stamp', party: 'company', partyIndex: 1, tag: '{%stamp company}', box: stampBox },
  {
    kind: 'field',
    party: 'client',
    partyIndex: 1,
    field: 'passportNumber',
    tag: '{?client passportNumber}',
    box: fieldBox,
  },
  // Not shown in the PDF (e.g. inside a false section): no box, nothing drawn.
  { kind: 'sign', party: 'client', partyIndex: 1, tag: '{%sign client}' },
];

function signer(overrides: Partial<FinalSigner>): FinalSigner {
  return {
    name: 'Ana Souza',
    side: 'company',
    partyIndex: 1,
    codeDestination: 'ana@example.com',
    consentAt: '2026-12-02T10:00:00.000Z',
    codeConfirmedAt: '2026-12-02T10:01:00.000Z',
    signedAt: '2026-12-02T10:02:00.000Z',
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    signaturePng: solidPng(300, 90, RED),
    stampPng: solidPng(200, 200, GREEN),
    fields: {},
    signatureMethod: 'drawn',
    ...overrides,
  };
}

describe('composeFinalPdf', () => {
  let pdfConverter: PdfConverter;
  let original: Uint8Array;
  let input: FinalPdfInput;

  beforeAll(async () => {
    pdfConverter = createRealPdf();
    original = await pdfConverter.convert(await readFile('runtime/demo/templates/contract-standard.docx'));
    input = {
      originalPdf: original,
      marks,
      signers: [
        signer({}),
        signer({
          name: 'Zoë Łukasz Ωmega Ñandú',
          side: 'counterparty',
          partyIndex: 1,
          codeDestination: '+5511999990000',
          signaturePng: solidPng(300, 90, BLUE),
          stampPng: null,
          fields: { passportNumber: 'AB 123456' },
        }),
      ],
      envelopeId: 'env-7f3a',
      documentId: 'doc-42',
      title: 'Services agreement D-1042',
      senderCompany: 'Acme Ltda',
      originalSha256: SHA,
      completedAt: '2026-12-02T10:05:00.000Z',
      verifyUrl: 'https://sign.example.com/verify/env-7f3a',
      language: 'en',
    };
  });
  afterAll(async () => {
    await pdfConverter?.close();
  });

  it('adds one certificate page, a stripe on every page, the field value and the certificate contents', async () => {
    const started = performance.now();
    const final = await composeFinalPdf(input);
    const inWorker = Math.round(performance.now() - started);
    await composeFinalPdfNow(input);
    const again = performance.now();
    await composeFinalPdfNow(input);
    const inThread = Math.round(performance.now() - again);
    console.log(
      `composeFinalPdf on the demo contract: ${inWorker} ms in a fresh worker, ${inThread} ms in-thread (warm)`,
    );
    const originalPages = await pageCount(original);
    expect(await pageCount(final)).toBe(originalPages + 1);
    const pages = await pagesText(final);
    expect(pages).toHaveLength(originalPages + 1);
    pages.forEach((text, i) => {
      expect(text).toContain(`env-7f3a · page ${i + 1}/${originalPages + 1}`);
    });
    expect(pages[0]).toContain('AB 123456');
    const certificate = (pages.at(-1) ?? '').replace(/\s+/g, ' ');
    for (const expected of [
      'Certificate of completion',
      'Services agreement D-1042',
      'doc-42',
      'Acme Ltda',
      SHA,
      'Ana Souza (company)',
      'Zoë Łukasz Ωmega Ñandú (client 1)',
      'ana@example.com',
      '+5511999990000',
      '2026-12-02T10:01:00.000Z',
      '203.0.113.7',
      'https://sign.example.com/verify/env-7f3a',
    ]) {
      expect(certificate).toContain(expected);
    }
    // The user agent is wrapped, not cut.
    expect(certificate.replace(/ /g, '')).toContain('Chrome/131.0.0.0Safari/537.36');
  });

  it('draws the signature inside its sign box and the stamp inside its stamp box', async () => {
    const final = await composeFinalPdf(input);
    const page = await renderPage(final, 1);
    const area = signBox.width * signBox.height;
    expect(countColour(page, RED, signBox)).toBeGreaterThan(area * 0.8);
    const wholePage = { x: 0, y: 0, width: page.width, height: page.height };
    expect(countColour(page, RED, wholePage)).toBeLessThan(area * 1.1);
    // The stamp is square: centred in its box, it fills the box's height.
    expect(countColour(page, GREEN, stampBox)).toBeGreaterThan(stampBox.height * stampBox.height * 0.8);
    // Client 1's sign mark has no box: the signature is not on page 1 but on the certificate.
    expect(countColour(page, BLUE, wholePage)).toBe(0);
    const last = await renderPage(final, await pageCount(final));
    expect(countColour(last, BLUE, { x: 0, y: 0, width: last.width, height: last.height })).toBeGreaterThan(1000);
    expect(countColour(last, RED, { x: 0, y: 0, width: last.width, height: last.height })).toBe(0);
    expect(countColour(last, GREEN, { x: 0, y: 0, width: last.width, height: last.height })).toBe(0);
  });

  it('shows every signature on the certificate when the template has no marks, in Portuguese', async () => {
    const final = await composeFinalPdf({ ...input, marks: [], language: 'pt-BR' });
    const pages = await pagesText(final);
    expect(pages[0]).toContain(`env-7f3a · página 1/${pages.length}`);
    expect(pages.at(-1)).toContain('Certificado de conclusão');
    expect(pages.at(-1)).toContain('(cliente 1)');
    const last = await renderPage(final, pages.length);
    const whole = { x: 0, y: 0, width: last.width, height: last.height };
    expect(countColour(last, RED, whole)).toBeGreaterThan(1000);
    expect(countColour(last, BLUE, whole)).toBeGreaterThan(1000);
    // No stamp box either: the company's stamp is on the certificate too.
    expect(countColour(last, GREEN, whole)).toBeGreaterThan(1000);
    expect(pages.at(-1)).toContain('Carimbo');
  });

  it('flows the certificate onto more pages when many signers do not fit', async () => {
    const signers = Array.from({ length: 12 }, (_, i) =>
      signer({ name: `Client ${i + 1}`, side: 'counterparty', partyIndex: i + 1, stampPng: null }),
    );
    const final = await composeFinalPdf({ ...input, marks: [], signers });
    const pages = await pagesText(final);
    expect(pages.length).toBeGreaterThan((await pageCount(original)) + 1);
    const all = pages.join('\n');
    for (let i = 1; i <= 12; i++) expect(all).toContain(`Client ${i} (client ${i})`);
    expect(all).toContain('https://sign.example.com/verify/env-7f3a');
  });

  it('composes in a worker thread: the event loop keeps turning meanwhile', async () => {
    let turns = 0;
    let done = false;
    const spin = (): void => {
      turns++;
      if (!done) setImmediate(spin);
    };
    setImmediate(spin);
    const composing = composeFinalPdf(input).finally(() => {
      done = true;
    });
    const before = turns;
    const final = await composing;
    // In-thread (composeFinalPdfNow) the loop turns only at the composer's few awaits: about 600
    // times on this machine; in the worker it turns freely, hundreds of thousands of times.
    expect(turns - before).toBeGreaterThan(5000);
    expect(await pageCount(final)).toBe((await pageCount(original)) + 1);
  });

  it('refuses images over 2000 px or 1 MB, images that are not PNG, and PDFs over 200 pages', async () => {
    const wide = signer({ signaturePng: solidPng(2001, 10, RED) });
    await expect(composeFinalPdf({ ...input, signers: [wide] })).rejects.toMatchObject({
      kind: 'validation',
      code: 'SIGNATURE_IMAGE_TOO_LARGE',
    });
    const heavy = signer({ stampPng: new Uint8Array(1024 * 1024 + 1) });
    await expect(composeFinalPdf({ ...input, signers: [heavy] })).rejects.toMatchObject({
      code: 'SIGNATURE_IMAGE_TOO_LARGE',
    });
    const jpeg = signer({ signaturePng: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(40).fill(0)]) });
    await expect(composeFinalPdf({ ...input, signers: [jpeg] })).rejects.toMatchObject({
      code: 'SIGNATURE_IMAGE_INVALID',
    });
    const crowd = Array.from({ length: 51 }, (_, i) => signer({ side: 'counterparty', partyIndex: i + 1 }));
    await expect(composeFinalPdf({ ...input, signers: crowd })).rejects.toMatchObject({
      code: 'FINAL_PDF_TOO_MANY_SIGNERS',
    });
    const big = await PDFDocument.create();
    for (let i = 0; i < 201; i++) big.addPage();
    await expect(composeFinalPdf({ ...input, originalPdf: await big.save() })).rejects.toMatchObject({
      code: 'FINAL_PDF_TOO_MANY_PAGES',
    });
    await expect(
      composeFinalPdf({ ...input, originalPdf: new TextEncoder().encode('not a pdf') }),
    ).rejects.toMatchObject({
      code: 'FINAL_PDF_ORIGINAL_INVALID',
    });
  });
});
