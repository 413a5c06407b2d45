import { describe, expect, it } from 'vitest';
import { checkAgainst, type Deal, type DealEvent } from '../../../schemas/index.ts';
import { exampleEvent } from '../../../test/support/examples.ts';
import { buildTemplateData, type TemplateDataInput } from './build-template-data.ts';

const contractEvent = exampleEvent('contract');
const now = new Date('2026-11-29T10:15:02Z');
const ourCompany = { name: 'Initech Software Ltd', taxId: 'IE 6388047V', address: 'Dublin', director: 'Bill Lumbergh' };

function build(overrides: Partial<TemplateDataInput> = {}) {
  return buildTemplateData({ event: contractEvent, ourCompany, documentType: 'contract', now, ...overrides });
}

/** The contract example's event with some deal values changed and some removed. */
function withDeal(changes: Partial<Deal>, drop: ReadonlyArray<keyof Deal> = []): DealEvent {
  const deal: Deal = { ...contractEvent.deal, ...changes };
  for (const key of drop) Reflect.deleteProperty(deal, key);
  return { ...contractEvent, deal };
}

describe('buildTemplateData', () => {
  it('formats EUR for en-IE and dates in the deal locale, in UTC', () => {
    const data = build();
    expect(data.amount).toEqual({ formatted: '€62,500.00', number: 62500 });
    expect(data.today).toBe('29 November 2026');
    expect(data.occurredAt).toBe('29 November 2026 at 10:15 UTC');
    expect(data.now).toBe('2026-11-29T10:15:02.000Z');
  });

  it('formats BRL for pt-BR', () => {
    const data = build({ event: withDeal({ currency: 'BRL', locale: 'pt-BR', amount: 1234567.5 }) });
    expect(data.amount?.formatted).toBe('R$\u00a01.234.567,50');
    expect(data.today).toBe('29 de novembro de 2026');
  });

  it('falls back to en-US without a locale or with one Intl cannot read, and prints a bare number without currency', () => {
    expect(build({ event: withDeal({}, ['locale']) }).amount?.formatted).toBe('€62,500.00');
    expect(build({ event: withDeal({}, ['locale']) }).today).toBe('November 29, 2026');
    expect(build({ event: withDeal({ locale: 'not_a_locale' }) }).today).toBe('November 29, 2026');
    expect(build({ event: withDeal({}, ['currency', 'locale']) }).amount?.formatted).toBe('62,500.00');
  });

  it('copies the deal, the company and the contacts the template may reach', () => {
    const data = build();
    expect(data.deal.company).toEqual({
      name: 'Globex Ltda',
      taxId: '12.345.678/0001-90',
      address: 'Rua das Flores 100, São Paulo',
      id: 'C-88',
    });
    expect(data.deal.contacts[1]).toEqual({ name: 'Bruno Lima', email: 'bruno@globex.example', role: 'finance' });
    expect(data.deal.fields).toEqual({ contractTermMonths: 12, region: 'EU' });
    expect(data.document).toEqual({ type: 'contract' });
    expect(data.ourCompany).toEqual(ourCompany);
  });

  it('leaves absent what the deal does not have, keeping loops and fields as empty collections', () => {
    const data = build({ event: withDeal({}, ['amount', 'company', 'contacts', 'fields', 'title']) });
    expect(data).not.toHaveProperty('amount');
    expect(data).not.toHaveProperty('companySigner');
    expect(data.deal).not.toHaveProperty('company');
    expect(data.deal).not.toHaveProperty('title');
    expect(data.deal.contacts).toEqual([]);
    expect(data.deal.fields).toEqual({});
    expect(data.signers).toEqual([]);
  });

  it('lists signers in signing order, naming them from the deal contact or the company signer', () => {
    const data = build({
      companySigner: { name: 'Peter Gibbons', email: 'peter@initech.example' },
      signers: [
        { side: 'counterparty', order: 2, contactId: 'P-6' },
        { side: 'company', order: 1, userId: 'u-7' },
        { side: 'counterparty', order: 2, contactId: 'P-unknown' },
      ],
      documentId: 'doc-1',
    });
    expect(data.signers).toEqual([
      { name: 'Peter Gibbons', email: 'peter@initech.example', side: 'company', order: 1 },
      { name: 'Bruno Lima', email: 'bruno@globex.example', side: 'counterparty', order: 2 },
      { side: 'counterparty', order: 2 },
    ]);
    expect(data.companySigner).toEqual({ name: 'Peter Gibbons', email: 'peter@initech.example' });
    expect(data.document).toEqual({ type: 'contract', id: 'doc-1' });
  });

  it('produces data valid against template-data.schema.json, with and without optional values', () => {
    for (const data of [
      build({ companySigner: { name: 'P', email: 'p@x' } }),
      build({ event: withDeal({}, ['amount', 'company']) }),
    ]) {
      const checked = checkAgainst('template-data.schema.json', data);
      expect(checked.ok ? [] : checked.violations).toEqual([]);
    }
  });
});
