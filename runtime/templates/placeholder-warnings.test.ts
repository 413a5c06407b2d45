import { describe, expect, it } from 'vitest';
import { placeholderWarnings } from './placeholder-warnings.ts';

const suggestions = (placeholders: string[], fields?: string[]) =>
  placeholderWarnings(placeholders, fields).map(({ placeholder, suggestion }) => [placeholder, suggestion]);

describe('placeholderWarnings', () => {
  it('knows every path of the template data, loops and object sections included', () => {
    const known = ['deal.title', 'deal.company.name', 'deal.contacts', 'deal.contacts[].phone', 'signers[].order'];
    expect(placeholderWarnings([...known, 'amount.formatted', 'companySigner.email', 'today'], [])).toEqual([]);
  });

  it('names the closest known path for typos, case included', () => {
    expect(suggestions(['Deal.Title', 'ourCompany.site', 'deal.contacts[].mail', 'signer[].name'])).toEqual([
      ['Deal.Title', 'deal.title'],
      ['ourCompany.site', 'ourCompany.name'],
      ['deal.contacts[].mail', 'deal.contacts[].email'],
      ['signer[].name', 'signers[].name'],
    ]);
  });

  it('checks custom fields against the pipelines, and accepts any while none is stored', () => {
    expect(suggestions(['deal.fields.region', 'deal.fields.contractTerm'], ['contractTermMonths', 'region'])).toEqual([
      ['deal.fields.contractTerm', 'deal.fields.contractTermMonths'],
    ]);
    expect(placeholderWarnings(['deal.fields.anything'], undefined)).toEqual([]);
  });

  it('gives no suggestion when nothing is close', () => {
    const [warning] = placeholderWarnings(['customer.vatRegistrationNumber'], []);
    expect(warning).toEqual({
      code: 'PLACEHOLDER_UNKNOWN',
      placeholder: 'customer.vatRegistrationNumber',
      message:
        '{customer.vatRegistrationNumber} can never be filled: it is not a path of the template data, so it will always print empty. See the template data paths in the README.',
    });
  });
});
