// The demo services agreement, standard and for large deals. The large-deal version adds a
// dedicated account management clause and pays the price in instalments by a schedule.
import {
  accountManagementClause,
  type Clause,
  closingClauses,
  finalClauses,
  openingClauses,
  paymentSchedule,
  scheduledPaymentClause,
  standardPaymentClause,
} from './contract-clauses.ts';
import {
  clause,
  emptyLine,
  heading,
  loopTag,
  paragraph,
  sideBySide,
  subheading,
  subtitle,
  table,
  title,
} from './word-markup.ts';
import { buildWordPackage } from './word-package.ts';

export type ContractKind = 'standard' | 'large';

export function buildContractTemplate(kind: ContractKind): Uint8Array {
  const large = kind === 'large';
  const clauses: Clause[] = [
    ...openingClauses,
    ...(large ? [accountManagementClause, scheduledPaymentClause] : [standardPaymentClause]),
    ...closingClauses,
  ];
  const numbered = clauses.flatMap((entry, index) => [
    ...clauseParagraphs(index + 1, entry),
    ...(entry === scheduledPaymentClause ? [paymentScheduleTable()] : []),
    ...(entry.heading === 'Notices' ? noticeContacts() : []),
  ]);
  const closing = finalClauses.flatMap((entry, index) => clauseParagraphs(clauses.length + index + 1, entry));
  return buildWordPackage({
    documentTitle: large ? 'Services agreement (large deal)' : 'Services agreement',
    footerText: 'Services agreement {deal.id} · {ourCompany.name} and {deal.company.name}',
    body: [...preamble(large), ...numbered, ...closing, ...signatureBlock()],
  });
}

function clauseParagraphs(number: number, entry: Clause): string[] {
  return [heading(`${number}. ${entry.heading}`), ...entry.paragraphs.map((text) => clause(text))];
}

function preamble(large: boolean): string[] {
  return [
    title('SERVICES AGREEMENT'),
    subtitle(`${large ? 'Enterprise terms · ' : ''}Reference {deal.id} · {today}`),
    clause('This Services Agreement (the “Agreement”) is made on {today} between:'),
    sideBySide(
      [
        paragraph({ text: 'THE PROVIDER', bold: true }),
        paragraph({ text: '{ourCompany.name}', bold: true }),
        paragraph('Tax ID: {ourCompany.taxId}'),
        paragraph('{ourCompany.address}'),
        paragraph('represented by {ourCompany.director}'),
      ],
      [
        paragraph({ text: 'THE CLIENT', bold: true }),
        paragraph({ text: '{deal.company.name}', bold: true }),
        // Not every client has a tax ID in the CRM: the line is left out rather than printed empty.
        loopTag('{#deal.company.taxId}'),
        paragraph('Tax ID: {deal.company.taxId}'),
        loopTag('{/deal.company.taxId}'),
        paragraph('{deal.company.address}'),
      ],
    ),
    clause('each a “Party” and together the “Parties”, who agree as follows.'),
  ];
}

function paymentScheduleTable(): string {
  const columns = [
    { header: 'Instalment', width: 1700, align: 'center' as const },
    { header: 'Due', width: 4598 },
    { header: 'Amount', width: 3000, align: 'right' as const },
  ];
  return table(columns, paymentSchedule);
}

// One paragraph per contact: with paragraphLoop the paragraphs holding only the loop tags vanish.
function noticeContacts(): string[] {
  return [loopTag('{#deal.contacts}'), paragraph('• {name} ({role}), {email}'), loopTag('{/deal.contacts}')];
}

function signatureBlock(): string[] {
  return [
    heading('Signatures'),
    clause('Signed electronically by the Parties, each signature dated by the signing service.'),
    sideBySide(
      [
        paragraph({ text: 'For {ourCompany.name}', bold: true }),
        paragraph('{companySigner.name}'),
        paragraph('{companySigner.email}'),
        // Signature marks: the signer's page puts each party's signature, stamp and fields here.
        paragraph('{%sign company}'),
        paragraph('{%stamp company}'),
      ],
      [
        paragraph({ text: 'For {deal.company.name}', bold: true }),
        paragraph('Its authorised signatories listed below'),
        paragraph('{%sign client}'),
        paragraph('Passport number: {?client passportNumber}'),
      ],
    ),
    emptyLine(),
    subheading('Signers, in signing order'),
    loopTag('{#signers}'),
    paragraph('{order}. {name} · {email} · {side}'),
    loopTag('{/signers}'),
  ];
}
