// Signature marks from template to PDF: the demo contract's marks render as boxes that LibreOffice
// keeps, locateMarks finds each box where the page shows its border (pixels of the real page), a
// mark left out by a false section is absent and one inside a loop gives one box per item.
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import type { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { locateMarks } from '../../runtime/documents/locate-marks.ts';
import { renderDocx } from '../../runtime/documents/render/render-docx.ts';
import type { SignatureMark, TemplateData } from '../../schemas/index.ts';
import { createRealPdf } from '../support/real-pdf.ts';
import { pagesText, renderPage } from './final-pdf-tools.ts';

const pdf = createRealPdf();
afterAll(() => pdf.close());

const data = {
  deal: {
    id: 'D-1',
    title: 'Deal',
    company: { name: 'Acme Ltda' },
    contacts: [{ name: 'Ana' }, { name: 'Bo' }],
    fields: {},
  },
  ourCompany: { name: 'Inkflow Demo Ltd' },
} as unknown as TemplateData;

function demo(file: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../runtime/demo/templates/${file}`, import.meta.url)));
}

function withBody(paragraphs: string[]): Uint8Array {
  const zip = new PizZip(demo('invoice.docx'));
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  zip.file('word/document.xml', xml.replace(/<w:body>.*<w:sectPr/s, `<w:body>${body}<w:sectPr`));
  return zip.generate({ type: 'uint8array' });
}

async function renderAndLocate(template: Uint8Array): Promise<{ pdf: Uint8Array; marks: SignatureMark[] }> {
  const rendered = renderDocx(template, data);
  const converted = await pdf.convert(rendered.docx);
  return { pdf: converted, marks: await locateMarks(converted, rendered.marks) };
}

const isInk = (image: PNG, x: number, yFromTop: number): boolean => {
  const at = (Math.round(yFromTop) * image.width + Math.round(x)) * 4;
  return (image.data[at] ?? 255) < 235 || (image.data[at + 2] ?? 255) < 235;
};

/** Share of points along a vertical line (PDF points, origin bottom-left) that show ink within ±1.5 pt. */
function inkAlongVertical(image: PNG, x: number, yFrom: number, yTo: number): number {
  let hits = 0;
  let total = 0;
  for (let y = yFrom; y <= yTo; y += 1) {
    total++;
    const top = image.height - y;
    if ([-1.5, -0.75, 0, 0.75, 1.5].some((dx) => isInk(image, x + dx, top))) hits++;
  }
  return hits / total;
}

describe('signature marks in the demo contract', () => {
  it('finds a box for each mark, where the page draws its border', async () => {
    const { pdf: converted, marks } = await renderAndLocate(demo('contract-standard.docx'));
    expect(marks.map((mark) => `${mark.kind} ${mark.party} ${mark.field ?? ''}`.trim())).toEqual([
      'sign company',
      'stamp company',
      'sign client',
      'field client passportNumber',
    ]);
    for (const mark of marks) {
      const box = mark.box;
      if (!box) throw new Error(`no box for ${mark.tag}`);
      const image = await renderPage(converted, box.page);
      expect(box.x).toBeGreaterThan(20);
      expect(box.x + box.width).toBeLessThan(image.width);
      if (mark.kind !== 'field') {
        expect(box.width).toBeCloseTo(170.1, 0);
        expect(box.height).toBeCloseTo(51, 0);
      }
      const inset = box.height * 0.2;
      // The left and right borders are where the box says, and its middle (below the label) is blank.
      expect(inkAlongVertical(image, box.x, box.y + inset, box.y + box.height - inset), mark.tag).toBeGreaterThan(0.9);
      expect(
        inkAlongVertical(image, box.x + box.width, box.y + inset, box.y + box.height - inset),
        mark.tag,
      ).toBeGreaterThan(0.9);
      if (mark.kind !== 'field') {
        expect(inkAlongVertical(image, box.x + box.width * 0.6, box.y + 4, box.y + box.height * 0.6), mark.tag).toBe(0);
      }
    }
    const text = (await pagesText(converted)).join('\n');
    expect(text).toContain('Signature — Company');
    expect(text).toContain('Stamp — Company');
    expect(text).toContain('Passport number — Client');
  }, 120_000);

  it('gives no box to a mark in a false section and one box per item to a mark in a loop', async () => {
    const template = withBody([
      'Start',
      '{%sign company}',
      '{#deal.fields.vip}',
      '{%sign client 2}',
      '{/deal.fields.vip}',
      '{#deal.contacts}',
      '{%sign client}',
      '{/deal.contacts}',
      'Again: {?company position}',
    ]);
    const { marks } = await renderAndLocate(template);
    const tags = marks.map((mark) => mark.tag);
    expect(tags).toEqual(['{%sign company}', '{%sign client}', '{%sign client}', '{?company position}']);
    const [first, second] = marks.filter((mark) => mark.tag === '{%sign client}');
    expect(first?.box?.y).toBeGreaterThan(second?.box?.y ?? Number.POSITIVE_INFINITY);
  }, 120_000);

  it('finds nothing to locate in a template without marks', async () => {
    const rendered = renderDocx(withBody(['No marks here']), data);
    expect(rendered.marks).toEqual([]);
    expect(await locateMarks(new Uint8Array(), rendered.marks)).toEqual([]);
  });

  it('refuses bytes that are not a PDF when there are marks to locate', async () => {
    const rendered = renderDocx(withBody(['{%sign company}']), data);
    await expect(locateMarks(new TextEncoder().encode('not a pdf'), rendered.marks)).rejects.toMatchObject({
      code: 'MARKS_NOT_LOCATED',
    });
  });
});
