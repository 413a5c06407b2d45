// The wording of the demo services agreement, clause by clause. Tags are the template data's
// (schemas/template-data.schema.json); everything else is plain text a reviewer can read.
import type { Run } from './word-markup.ts';

export interface Clause {
  heading: string;
  paragraphs: ReadonlyArray<Run | readonly Run[]>;
}

export const openingClauses: readonly Clause[] = [
  {
    heading: 'Object',
    paragraphs: [
      [
        'The Provider shall deliver to the Client the services described as “',
        { text: '{deal.title}', bold: true },
        '” (the “Services”), as further specified in the proposal accepted by the Client under deal reference {deal.id}, on the terms of this Agreement.',
      ],
      'Where the proposal and this Agreement differ, this Agreement prevails.',
    ],
  },
  {
    heading: 'Price',
    paragraphs: [
      [
        'In consideration of the Services the Client shall pay the Provider a total price of ',
        { text: '{amount.formatted}', bold: true },
        ' (currency: {deal.currency}), exclusive of value added tax and any other tax the law requires the Provider to charge.',
      ],
      'The price is fixed for the initial term. Any later change of price requires the written agreement of both Parties.',
    ],
  },
  {
    heading: 'Term',
    paragraphs: [
      [
        'This Agreement takes effect on the date of its last signature and remains in force for an initial term of ',
        // A deal without the field gets the standard term: a condition, so no missing-placeholder warning.
        {
          text:
            '{#deal.fields.contractTermMonths}{deal.fields.contractTermMonths} months{/deal.fields.contractTermMonths}' +
            '{^deal.fields.contractTermMonths}twelve months{/deal.fields.contractTermMonths}',
          bold: true,
        },
        '. It then renews for successive periods of twelve months unless either Party gives the other written notice of non-renewal at least sixty days before the end of the current period.',
      ],
    ],
  },
  {
    heading: 'Service levels',
    paragraphs: [
      'The Provider shall perform the Services with the skill and care of a diligent professional, in accordance with good industry practice and the service levels described in the proposal.',
      'Incidents reported by the Client are acknowledged within four business hours. Critical incidents are worked on continuously until a workaround or a fix is in place.',
    ],
  },
];

export const accountManagementClause: Clause = {
  heading: 'Dedicated account management',
  paragraphs: [
    'Given the scope of this Agreement, the Provider assigns to the Client a named account manager and a deputy, who are the Client’s single point of contact for the Services, escalations and planning.',
    'The account manager holds a monthly service review with the Client, reports on service levels, incidents and open requests, and agrees with the Client a quarterly plan of improvements. A change of account manager is notified to the Client in writing thirty days in advance.',
  ],
};

export const standardPaymentClause: Clause = {
  heading: 'Invoicing and payment',
  paragraphs: [
    'The Provider invoices the price in full on the date this Agreement takes effect. Invoices are payable within thirty days of their date by bank transfer to the account stated on the invoice.',
    'Sums not paid when due bear interest at the statutory rate for late payment in commercial transactions, without prejudice to the Provider’s other rights.',
  ],
};

export const scheduledPaymentClause: Clause = {
  heading: 'Invoicing and payment schedule',
  paragraphs: [
    'The price of {amount.formatted} is invoiced in the instalments set out in the payment schedule below. Each invoice is payable within thirty days of its date by bank transfer to the account stated on it.',
  ],
};

export const paymentSchedule: ReadonlyArray<readonly [string, string, string]> = [
  ['1', 'On signature of this Agreement', '40% of the price'],
  ['2', 'On acceptance of the onboarding plan', '30% of the price'],
  ['3', 'At the end of the sixth month of the term', '30% of the price'],
];

export const closingClauses: readonly Clause[] = [
  {
    heading: 'Obligations of the Client',
    paragraphs: [
      'The Client shall give the Provider timely access to the information, systems and people the Services reasonably require, and shall appoint a representative with authority to take decisions about the Services.',
    ],
  },
  {
    heading: 'Confidentiality',
    paragraphs: [
      'Each Party shall keep confidential all information received from the other Party in connection with this Agreement and use it only to perform this Agreement. This obligation survives the end of this Agreement for five years.',
    ],
  },
  {
    heading: 'Data protection',
    paragraphs: [
      'Where the Provider processes personal data on behalf of the Client, it does so only on the Client’s documented instructions and under the data processing terms annexed to the proposal, which form part of this Agreement.',
    ],
  },
  {
    heading: 'Intellectual property',
    paragraphs: [
      'Each Party keeps the rights it held before this Agreement. The Client acquires, on full payment, a non-exclusive and perpetual right to use the deliverables made for it under this Agreement for its own business.',
    ],
  },
  {
    heading: 'Liability',
    paragraphs: [
      'Except for wilful misconduct, gross negligence and breach of confidentiality, the total liability of each Party under this Agreement is limited to the price paid or payable in the twelve months before the event giving rise to the claim. Neither Party is liable for indirect loss or loss of profit.',
    ],
  },
  {
    heading: 'Termination',
    paragraphs: [
      'Either Party may terminate this Agreement by written notice if the other Party commits a material breach and does not remedy it within thirty days of being asked to, or becomes insolvent. Sums due for Services already performed remain payable.',
    ],
  },
  {
    heading: 'Force majeure',
    paragraphs: [
      'Neither Party is liable for a failure to perform caused by events beyond its reasonable control. The affected Party informs the other without delay and resumes performance as soon as the event ends.',
    ],
  },
  {
    heading: 'Notices',
    paragraphs: [
      'Notices under this Agreement are given in writing. Notices to the Provider go to {ourCompany.name}, for the attention of {ourCompany.director}, at the address above. Notices to the Client go to the following contacts:',
    ],
  },
];

export const finalClauses: readonly Clause[] = [
  {
    heading: 'Governing law and disputes',
    paragraphs: [
      'This Agreement is governed by the law of the Provider’s seat. The Parties shall first try to settle any dispute amicably through their representatives; failing that within thirty days, the courts of the Provider’s seat have exclusive jurisdiction.',
    ],
  },
  {
    heading: 'Entire agreement and electronic signature',
    paragraphs: [
      'This Agreement, with the accepted proposal and its annexes, is the entire agreement of the Parties on its subject and replaces all earlier discussions. It may be amended only in writing signed by both Parties.',
      'The Parties agree to sign this Agreement electronically. Each electronic signature has the same effect as a handwritten one, and the signed electronic original is the authentic version of this Agreement.',
    ],
  },
];
