// The whole way of a mark: the demo contract rendered with a deal, converted by LibreOffice, its
// marks located in that PDF, then composeFinalPdf draws each party's images and values: every
// signature's colour lies inside its located box (pixels of the real page) and the value prints there.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { composeFinalPdf, type FinalSigner } from '../../runtime/completion/compose-final-pdf.ts';
import { locateMarks } from '../../runtime/documents/locate-marks.ts';
import { renderDocx } from '../../runtime/documents/render/render-docx.ts';
import type { TemplateData } from '../../schemas/index.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { countColour, pagesText, renderPage, solidPng } from './final-pdf-tools.ts';

const pdf = createRealPdf();
afterAll(() => pdf.close());

const RED: [number, number, number] = [220, 20, 20];
const BLUE: [number, number, number] = [20, 40, 220];
const GREEN: [number, number, number] = [20, 170, 60];

const data = {
  deal: { id: 'D-7', title: 'Deal', company: { name: 'Acme Ltda' }, contacts: [{ name: 'Ana' }], fields: {} },
  ourCompany: { name: 'Inkflow Demo Ltd' },
} as unknown as TemplateData;

function signer(overrides: Partial<FinalSigner>): FinalSigner {
  return {
    name: 'Maria Keane',
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

describe('located marks in the final PDF', () => {
  it('draws each signature, the stamp and the field value inside the boxes found in the converted contract', async () => {
    const template = new Uint8Array(
      readFileSync(new URL('../../runtime/demo/templates/contract-standard.docx', import.meta.url)),
    );
    const rendered = renderDocx(template, data);
    const original = await pdf.convert(rendered.docx);
    const marks = await locateMarks(original, rendered.marks);
    expect(marks).toHaveLength(4);
    const started = performance.now();
    const final = await composeFinalPdf({
      originalPdf: original,
      marks,
      signers: [
        signer({}),
        signer({
          name: 'Ana Souza',
          side: 'counterparty',
          signaturePng: solidPng(300, 90, BLUE),
          stampPng: null,
          fields: { passportNumber: 'XP-9081726' },
        }),
      ],
      envelopeId: 'env-marks-1',
      documentId: 'doc-marks-1',
      title: 'Services agreement',
      senderCompany: 'Inkflow Demo Ltd',
      originalSha256: 'a'.repeat(64),
      completedAt: '2026-12-02T10:05:00.000Z',
      verifyUrl: 'http://127.0.0.1:8080/verify/env-marks-1',
      language: 'en',
    });
    console.log(`composeFinalPdf on the demo contract: ${Math.round(performance.now() - started)} ms`);
    const colours = { 'sign company': RED, 'stamp company': GREEN, 'sign client': BLUE } as const;
    for (const mark of marks) {
      const box = mark.box;
      if (!box) throw new Error(`no box for ${mark.tag}`);
      const page = await renderPage(final, box.page);
      if (mark.kind === 'field') continue;
      const colour = colours[`${mark.kind} ${mark.party}` as keyof typeof colours];
      const inside = countColour(page, colour, box);
      const around = countColour(page, colour, {
        x: box.x - 30,
        y: box.y - 30,
        width: box.width + 60,
        height: box.height + 60,
      });
      expect(inside, mark.tag).toBeGreaterThan(500);
      // All of the image is inside the box: around it at most a row and a column of rounding.
      expect(around - inside, mark.tag).toBeLessThan(2 * (box.width + box.height));
    }
    const field = marks.find((mark) => mark.kind === 'field');
    const pageText = (await pagesText(final))[(field?.box?.page ?? 1) - 1] ?? '';
    expect(pageText).toContain('XP-9081726');
  }, 120_000);
});
