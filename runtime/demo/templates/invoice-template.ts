// The demo invoice: our company as issuer, the deal's company as billed party, one line for the
// deal, totals and payment terms.

import { clause, emptyLine, heading, loopTag, paragraph, sideBySide, table, title } from './word-markup.ts';
import { buildWordPackage } from './word-package.ts';

export function buildInvoiceTemplate(): Uint8Array {
  return buildWordPackage({
    documentTitle: 'Invoice',
    footerText: '{ourCompany.name} · Tax ID {ourCompany.taxId}',
    body: [...header(), ...billTo(), ...lines(), ...totals(), ...paymentTerms()],
  });
}

function header(): string[] {
  return [
    title('INVOICE'),
    sideBySide(
      [
        paragraph({ text: '{ourCompany.name}', bold: true }),
        paragraph('{ourCompany.address}'),
        paragraph('Tax ID: {ourCompany.taxId}'),
      ],
      [
        paragraph(['Invoice date: ', { text: '{today}', bold: true }], { align: 'right' }),
        paragraph('Reference: {deal.id}', { align: 'right' }),
        paragraph('Currency: {deal.currency}', { align: 'right' }),
      ],
    ),
  ];
}

function billTo(): string[] {
  return [
    heading('Bill to'),
    paragraph({ text: '{deal.company.name}', bold: true }),
    paragraph('{deal.company.address}'),
    loopTag('{#deal.company.taxId}'),
    paragraph('Tax ID: {deal.company.taxId}'),
    loopTag('{/deal.company.taxId}'),
    loopTag('{#deal.contacts}'),
    paragraph('Attn. {name}, {email}'),
    loopTag('{/deal.contacts}'),
    emptyLine(),
  ];
}

function lines(): string[] {
  const columns = [
    { header: '#', width: 600, align: 'center' as const },
    { header: 'Description', width: 4498 },
    { header: 'Qty', width: 800, align: 'right' as const },
    { header: 'Unit price', width: 1700, align: 'right' as const },
    { header: 'Amount', width: 1700, align: 'right' as const },
  ];
  return [table(columns, [['1', '{deal.title}', '1', '{amount.formatted}', '{amount.formatted}']]), emptyLine()];
}

function totals(): string[] {
  const columns = [
    { header: 'Totals', width: 7598, align: 'right' as const },
    { header: '', width: 1700, align: 'right' as const },
  ];
  return [
    table(columns, [
      ['Subtotal', '{amount.formatted}'],
      ['Taxes', 'as applicable'],
      [
        { text: 'Total due ({deal.currency})', bold: true },
        { text: '{amount.formatted}', bold: true },
      ],
    ]),
  ];
}

function paymentTerms(): string[] {
  return [
    heading('Payment terms'),
    clause(
      'Payment is due within 30 days of the invoice date ({today}) by bank transfer to the account of {ourCompany.name}, quoting reference {deal.id}.',
    ),
    clause(
      'Late payments bear interest at the statutory rate for commercial transactions. Questions about this invoice: reply to the email that brought it.',
    ),
    emptyLine(),
    paragraph('Issued for {ourCompany.name}:'),
    paragraph('{%sign company}'),
  ];
}
