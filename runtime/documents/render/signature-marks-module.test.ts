import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { TemplateData } from '../../../schemas/index.ts';
import { buildWordPackage } from '../../demo/templates/word-package.ts';
import { inspectTemplate } from './inspect-template.ts';
import { markLabel, parseMarkTag } from './mark-tag.ts';
import { renderDocx } from './render-docx.ts';
import { anchorPattern } from './signature-marks-module.ts';

// Word often splits what the author typed into several runs: the mark must still be one tag.
const splitRuns = (pieces: string[]) =>
  `<w:p>${pieces.map((piece) => `<w:r><w:t xml:space="preserve">${piece}</w:t></w:r>`).join('')}</w:p>`;

const docx = (body: string[]) => buildWordPackage({ documentTitle: 't', footerText: '', body });
const data = { deal: { title: 'Deal <1>' } } as unknown as TemplateData;

describe('parseMarkTag', () => {
  it('reads every mark form', () => {
    expect(parseMarkTag('%', 'sign company')).toEqual({
      kind: 'sign',
      party: 'company',
      partyIndex: 1,
      tag: '{%sign company}',
    });
    expect(parseMarkTag('%', ' sign  client 2 ')).toMatchObject({ kind: 'sign', party: 'client', partyIndex: 2 });
    expect(parseMarkTag('%', 'stamp company')).toMatchObject({ kind: 'stamp', party: 'company' });
    expect(parseMarkTag('?', 'client passportNumber')).toMatchObject({
      kind: 'field',
      party: 'client',
      partyIndex: 1,
      field: 'passportNumber',
    });
    expect(parseMarkTag('?', 'client 3 tax_id')).toMatchObject({ partyIndex: 3, field: 'tax_id' });
  });

  it.each([
    ['%', 'sign ceo', 'names no party'],
    ['%', 'sign client 0', 'not a party number'],
    ['%', 'sign company 2', 'company has no number'],
    ['%', 'sign', 'names no party'],
    ['%', 'initial company', 'is not a signature mark'],
    ['%', 'stamp client', 'only our company stamps'],
    ['?', 'client 9bad', 'not a field name'],
    ['?', 'client', 'names no party'],
    ['?', `client ${'a'.repeat(65)}`, 'not a field name'],
  ] as const)('refuses {%s%s}', (prefix, value, reason) => {
    expect(() => parseMarkTag(prefix, value)).toThrow(reason);
  });

  it('labels boxes in words', () => {
    expect(markLabel(parseMarkTag('%', 'sign client 2'))).toBe('Signature — Client 2');
    expect(markLabel(parseMarkTag('?', 'client passportNumber'))).toBe('Passport number — Client');
  });
});

describe('the signature marks module', () => {
  it('renders a split mark as a box with its anchor, and lists it at inspection', async () => {
    const template = docx([
      splitRuns(['{%si', 'gn com', 'pany}']),
      splitRuns(['ID: {?clie', 'nt passportNumber} and {deal.title}']),
    ]);
    const inspection = await inspectTemplate(template);
    expect(inspection.marks.map((mark) => mark.tag)).toEqual(['{%sign company}', '{?client passportNumber}']);
    expect(inspection.placeholders).toEqual(['deal.title']);
    const rendered = renderDocx(template, data);
    expect(rendered.marks).toHaveLength(2);
    expect(rendered.warnings).toEqual([]);
    const xml = new PizZip(rendered.docx).file('word/document.xml')?.asText() ?? '';
    for (const entry of rendered.marks) expect(xml).toContain(entry.anchor);
    expect(xml).toContain('<w:trHeight w:val="1020" w:hRule="exact"/>');
    expect(xml).toContain('Signature — Company');
    expect(xml).toContain('and Deal &lt;1&gt;');
    expect(rendered.marks[0]?.anchor).toMatch(anchorPattern);
  });

  it('gives anchors no deal text can predict: they change with the data', () => {
    const template = docx([splitRuns(['{%sign company}'])]);
    const one = renderDocx(template, data).marks[0]?.anchor;
    const again = renderDocx(template, data).marks[0]?.anchor;
    const other = renderDocx(template, { deal: { title: 'Other' } } as unknown as TemplateData).marks[0]?.anchor;
    expect(one).toBe(again);
    expect(other).not.toBe(one);
  });
});
