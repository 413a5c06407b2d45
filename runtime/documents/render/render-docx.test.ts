import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { TemplateData } from '../../../schemas/index.ts';
import { exampleEvent } from '../../../test/support/examples.ts';
import { taggedDocx } from '../../../test/support/tagged-docx.ts';
import { demoTemplateFiles, demoTemplatesDirectory } from '../../demo/build-demo-templates.ts';
import { AppError } from '../../errors/app-error.ts';
import { buildTemplateData } from './build-template-data.ts';
import { renderDocx } from './render-docx.ts';

const data: TemplateData = buildTemplateData({
  event: exampleEvent('contract'),
  ourCompany: {
    name: 'Initech Software Ltd',
    taxId: 'IE 6388047V',
    address: '1 Grand Canal Square\nDublin 2',
    director: 'Bill Lumbergh',
  },
  companySigner: { name: 'Peter Gibbons', email: 'peter@initech.example' },
  signers: [
    { side: 'company', order: 1, name: 'Peter Gibbons', email: 'peter@initech.example' },
    { side: 'counterparty', order: 2, contactId: 'P-5' },
  ],
  documentType: 'contract',
  now: new Date('2026-11-29T10:15:02Z'),
});

/** The rendered body as text: one line per paragraph, line breaks kept. */
function documentText(docx: Uint8Array): string {
  const xml = new PizZip(docx).file('word/document.xml')?.asText() ?? '';
  return xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

describe('renderDocx', () => {
  it('resolves dotted tags', () => {
    const template = taggedDocx([
      '{deal.title} for {deal.company.name} ({deal.company.taxId})',
      '{amount.formatted}, {deal.fields.contractTermMonths} months',
    ]);
    const { docx, warnings } = renderDocx(template, data);
    expect(documentText(docx)).toBe('Annual support 2027 for Globex Ltda (12.345.678/0001-90)\n€62,500.00, 12 months');
    expect(warnings).toEqual([]);
  });

  it('repeats a loop per contact, reading the item first and the outer data after', () => {
    const template = taggedDocx([
      '{#deal.contacts}',
      '{name} <{email}> on {deal.id} for {ourCompany.name}',
      '{/deal.contacts}',
    ]);
    const { docx, warnings } = renderDocx(template, data);
    expect(documentText(docx)).toBe(
      'Ana Souza <ana@globex.example> on D-1042 for Initech Software Ltd\nBruno Lima <bruno@globex.example> on D-1042 for Initech Software Ltd',
    );
    expect(warnings).toEqual([]);
  });

  it('renders a tag the data lacks as empty and warns once, naming it', () => {
    const template = taggedDocx([
      'a[{deal.fields.purchaseOrder}]b',
      'again [{deal.fields.purchaseOrder}]',
      '{deal.title}',
    ]);
    const { docx, warnings } = renderDocx(template, data);
    expect(documentText(docx)).toBe('a[]b\nagain []\nAnnual support 2027');
    expect(warnings).toEqual([
      {
        code: 'PLACEHOLDER_MISSING',
        tag: 'deal.fields.purchaseOrder',
        message: expect.stringContaining('{deal.fields.purchaseOrder}'),
      },
    ]);
  });

  it('names a value missing from some loop items by its path in the loop, once', () => {
    const template = taggedDocx(['{#deal.contacts}', '{name}: {phone}', '{/deal.contacts}']);
    const { docx, warnings } = renderDocx(template, data);
    expect(documentText(docx)).toBe('Ana Souza: +5511999990000\nBruno Lima:');
    expect(warnings.map((warning) => warning.tag)).toEqual(['deal.contacts[].phone']);
  });

  it('treats a section on an absent field as a false condition, not a missing placeholder', () => {
    const template = taggedDocx([
      '{#deal.fields.vip}VIP terms{/deal.fields.vip}',
      '{^deal.fields.vip}Standard terms{/deal.fields.vip}',
      '{#deal.fields.neverSent}{deal.title}{/deal.fields.neverSent}',
    ]);
    const { docx, warnings } = renderDocx(template, data);
    expect(warnings).toEqual([]);
    expect(documentText(docx)).toBe('Standard terms');
  });

  it('names a tag missing inside an object section by the object path', () => {
    const template = taggedDocx(['{#deal.company}{name} ({registry}){/deal.company}']);
    const { warnings } = renderDocx(template, data);
    expect(warnings.map((warning) => warning.tag)).toEqual(['deal.company.registry']);
  });

  it('keeps line breaks of multi-line values', () => {
    const { docx } = renderDocx(taggedDocx(['{ourCompany.address}']), data);
    expect(documentText(docx)).toBe('1 Grand Canal Square\nDublin 2');
  });

  it('gives the same bytes for the same template and data', () => {
    const template = taggedDocx(['{deal.title}', '{#signers}', '{order}. {name}', '{/signers}']);
    const first = renderDocx(template, data).docx;
    expect(Buffer.from(renderDocx(template, data).docx).equals(Buffer.from(first))).toBe(true);
  });

  it('refuses a template with broken tags', () => {
    expect(() => renderDocx(taggedDocx(['{deal.title']), data)).toThrow(AppError);
  });

  const expectedText: Record<(typeof demoTemplateFiles)[number], string[]> = {
    'contract-standard.docx': [
      '12 months',
      '1. Peter Gibbons · peter@initech.example · company',
      '2. Ana Souza · ana@globex.example · counterparty',
    ],
    'contract-large.docx': [
      'Dedicated account management',
      'On signature of this Agreement',
      '2. Ana Souza · ana@globex.example',
    ],
    'invoice.docx': ['Invoice date: 29 November 2026', 'Attn. Bruno Lima, bruno@globex.example', 'Annual support 2027'],
  };
  for (const file of demoTemplateFiles) {
    it(`renders the demo template ${file} with the contract example without warnings`, () => {
      const { docx, warnings } = renderDocx(readFileSync(`${demoTemplatesDirectory}/${file}`), data);
      expect(warnings).toEqual([]);
      const text = documentText(docx);
      for (const expected of ['Globex Ltda', 'Initech Software Ltd', '€62,500.00', ...expectedText[file]]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toMatch(/[{}]|undefined/);
    });
  }
});
