// The formatters authors type in tags ({deal.fields.fee | money}), rendered in a real DOCX for
// pt-BR and en deals: numbers, money in the deal's currency, percentages, dates and yes/no.
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import type { TemplateData } from '../../../schemas/index.ts';
import { taggedDocx } from '../../../test/support/tagged-docx.ts';
import { AppError } from '../../errors/app-error.ts';
import { inspectTemplate } from './inspect-template.ts';
import { renderDocx } from './render-docx.ts';

const template = taggedDocx([
  'Fee: {deal.fields.fee | money}',
  'Discount: {deal.fields.discount | percent}',
  'Start: {deal.fields.startDate | date}',
  'Urgent: {deal.fields.urgent | yesno}',
  'Seats: {deal.fields.seats | number}',
  'Raw: {deal.fields.fee}',
]);

function data(locale: string, currency: string, fields: TemplateData['deal']['fields']): TemplateData {
  return {
    deal: { id: 'D-1', stageId: 'contract', locale, currency, fields, contacts: [] },
    ourCompany: { name: 'Us' },
    signers: [],
    document: { type: 'contract' },
    today: '',
    now: '',
    occurredAt: '',
  };
}

function lines(docx: Uint8Array): string[] {
  const xml = new PizZip(docx).file('word/document.xml')?.asText() ?? '';
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      paragraph
        .replace(/<[^>]+>/g, '')
        .replace(/\u00a0|\u202f/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '');
}

const fields = { fee: 62500.5, discount: 7.5, startDate: '2027-01-15', urgent: true, seats: 1234567 };

describe('formatters', () => {
  it('prints for a pt-BR deal in BRL', () => {
    const { docx, warnings } = renderDocx(template, data('pt-BR', 'BRL', fields));
    expect(warnings).toEqual([]);
    expect(lines(docx)).toEqual([
      'Fee: R$ 62.500,50',
      'Discount: 7,5%',
      'Start: 15 de janeiro de 2027',
      'Urgent: Sim',
      'Seats: 1.234.567',
      'Raw: 62500.5',
    ]);
  });

  it('prints for an en deal in EUR', () => {
    const { docx } = renderDocx(template, data('en', 'EUR', { ...fields, urgent: false }));
    expect(lines(docx)).toEqual([
      'Fee: €62,500.50',
      'Discount: 7.5%',
      'Start: January 15, 2027',
      'Urgent: No',
      'Seats: 1,234,567',
      'Raw: 62500.5',
    ]);
  });

  it('reads numbers, dates and yes/no sent as text, and prints unreadable values as they came', () => {
    const text = { fee: '1200', discount: 'n/a', startDate: 'soon', urgent: 'sim', seats: '12.5' };
    const { docx } = renderDocx(template, data('pt-BR', 'BRL', text));
    expect(lines(docx)).toEqual([
      'Fee: R$ 1.200,00',
      'Discount: n/a',
      'Start: soon',
      'Urgent: Sim',
      'Seats: 12,5',
      'Raw: 1200',
    ]);
  });

  it('leaves an absent value empty, with the usual warning naming the path alone', () => {
    const { warnings } = renderDocx(template, data('en', 'EUR', {}));
    expect(warnings.map((warning) => warning.tag)).toContain('deal.fields.fee');
  });

  it('lists a formatted tag by its path, and refuses an unknown formatter naming the known ones', async () => {
    expect((await inspectTemplate(template)).placeholders).toContain('deal.fields.discount');
    const error = await inspectTemplate(taggedDocx(['{deal.fields.fee | currency}'])).catch((thrown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details?.[0]?.message).toContain(
      '"currency" is not a formatter: use one of number, percent, money, date, yesno',
    );
  });
});
