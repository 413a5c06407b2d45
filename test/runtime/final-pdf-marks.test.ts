// The demo contract from template to final PDF: rendered with its marks, converted by LibreOffice,
// its boxes located in the PDF, then composed. Each party's signature lands inside the box
// locateMarks found for it over the box's faint label, and the passport number is printed inside
// its field box.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeFinalPdf, type FinalSigner } from '../../runtime/completion/compose-final-pdf.ts';
import { locateMarks } from '../../runtime/documents/locate-marks.ts';
import { renderDocx } from '../../runtime/documents/render/render-docx.ts';
import type { MarkBox, SignatureMark, TemplateData } from '../../schemas/index.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { countColour, pageCount, renderPage, solidPng } from './final-pdf-tools.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const RED: [number, number, number] = [220, 20, 20];
const BLUE: [number, number, number] = [20, 40, 220];
const GREEN: [number, number, number] = [20, 170, 40];
const data = {
  deal: { id: 'D-1', title: 'Deal', company: { name: 'Acme Ltda' }, contacts: [{ name: 'Ana' }], fields: {} },
  ourCompany: { name: 'Inkflow Demo Ltd' },
} as unknown as TemplateData;

function signer(overrides: Partial<FinalSigner>): FinalSigner {
  return {
    name: 'Maria Director',
    side: 'company',
    partyIndex: 1,
    codeDestination: 'maria@example.com',
    consentAt: '2026-12-02T10:00:00.000Z',
    codeConfirmedAt: '2026-12-02T10:01:00.000Z',
    signedAt: '2026-12-02T10:02:00.000Z',
    ip: '203.0.113.7',
    userAgent: 'test',
    signaturePng: solidPng(300, 90, RED),
    stampPng: solidPng(200, 200, GREEN),
    fields: {},
    signatureMethod: 'drawn',
    ...overrides,
  };
}

/** Pixels that are not white inside a rectangle (PDF points, origin bottom-left; pages at 72 dpi). */
function inkIn(image: PNG, box: { x: number; y: number; width: number; height: number }): number {
  let count = 0;
  for (let row = Math.round(image.height - box.y - box.height); row < Math.round(image.height - box.y); row++) {
    for (let col = Math.round(box.x); col < Math.round(box.x + box.width); col++) {
      const at = (row * image.width + col) * 4;
      if ([0, 1, 2].some((i) => (image.data[at + i] ?? 255) < 235)) count++;
    }
  }
  return count;
}

/** The words pdftotext reads inside a box (PDF points, origin bottom-left). */
async function wordsInBox(pdf: Uint8Array, box: MarkBox): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'inkflow-final-marks-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    const { stdout } = await promisify(execFile)('pdftotext', [
      '-bbox',
      '-f',
      String(box.page),
      '-l',
      String(box.page),
      join(dir, 'in.pdf'),
      '-',
    ]);
    const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(stdout)?.[1]);
    const words: string[] = [];
    for (const match of stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      const [xMin, yMin, xMax, yMax] = match.slice(1, 5).map(Number) as [number, number, number, number];
      const inside =
        xMin >= box.x - 1 &&
        xMax <= box.x + box.width + 1 &&
        height - yMax >= box.y - 1 &&
        height - yMin <= box.y + box.height + 1;
      if (inside) words.push(match[5] ?? '');
    }
    return words.join(' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the demo contract from template to final PDF', () => {
  const converter = createRealPdf();
  let original: Uint8Array;
  let marks: SignatureMark[];
  let final: Uint8Array;

  beforeAll(async () => {
    const template = new Uint8Array(readFileSync('runtime/demo/templates/contract-standard.docx'));
    const rendered = renderDocx(template, data);
    original = await converter.convert(rendered.docx);
    marks = await locateMarks(original, rendered.marks);
    final = await composeFinalPdf({
      originalPdf: original,
      marks,
      signers: [
        signer({}),
        signer({
          name: 'Ana Client',
          side: 'counterparty',
          codeDestination: '+5511999990000',
          signaturePng: solidPng(300, 90, BLUE),
          stampPng: null,
          fields: { passportNumber: 'XK998877' },
        }),
      ],
      envelopeId: 'env-contract',
      documentId: 'doc-contract',
      title: 'Services agreement',
      senderCompany: 'Inkflow Demo Ltd',
      originalSha256: '0'.repeat(64),
      completedAt: '2026-12-02T10:05:00.000Z',
      verifyUrl: 'https://sign.example.com/verify/env-contract',
      language: 'en',
    });
  });
  afterAll(() => converter.close());

  const boxOf = (kind: SignatureMark['kind'], party: SignatureMark['party']): MarkBox => {
    const box = marks.find((mark) => mark.kind === kind && mark.party === party)?.box;
    if (!box) throw new Error(`no located ${kind} box for ${party}`);
    return box;
  };

  it('draws each signature and the stamp inside the boxes located in the converted PDF', async () => {
    expect(marks.map((mark) => `${mark.kind} ${mark.party}`).sort()).toEqual(
      ['field client', 'sign client', 'sign company', 'stamp company'].sort(),
    );
    for (const [kind, party, colour] of [
      ['sign', 'company', RED],
      ['sign', 'client', BLUE],
      ['stamp', 'company', GREEN],
    ] as const) {
      const box = boxOf(kind, party);
      const page = await renderPage(final, box.page);
      const drawnHeight = Math.min(box.height, kind === 'stamp' ? box.width : (box.width * 90) / 300);
      const drawnWidth = kind === 'stamp' ? drawnHeight : Math.min(box.width, (box.height * 300) / 90);
      expect(countColour(page, colour, box)).toBeGreaterThan(drawnWidth * drawnHeight * 0.8);
    }
    // Every party had a box: the certificate shows no signature image.
    const last = await renderPage(final, await pageCount(final));
    const whole = { x: 0, y: 0, width: last.width, height: last.height };
    expect(countColour(last, RED, whole) + countColour(last, BLUE, whole)).toBe(0);
  });

  it('prints the passport number inside its field box, over its label', async () => {
    const box = boxOf('field', 'client');
    expect(await wordsInBox(final, box)).toContain('XK998877');
    // The label ("Passport number — Client") right of where the value ends shows in the original, not in the final PDF.
    const afterValue = { x: box.x + 45, y: box.y + 3.5, width: 40, height: box.height - 7 };
    expect(inkIn(await renderPage(original, box.page), afterValue)).toBeGreaterThan(20);
    const page = await renderPage(final, box.page);
    expect(inkIn(page, afterValue)).toBe(0);
    // Its border stays: the bottom edge (1.6-2 pt inside the located box) still shows.
    expect(
      countColour(page, [154, 164, 178], { x: box.x + 10, y: box.y + 1, width: box.width - 20, height: 2 }),
    ).toBeGreaterThan(50);
    expect(await pageCount(final)).toBe((await pageCount(original)) + 1);
  });
});
