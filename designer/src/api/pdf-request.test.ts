import { describe, expect, it } from 'vitest';
import { readWarnings } from './pdf-request.ts';

describe('readWarnings', () => {
  it('reads the runtime header, escaped non-Latin-1 included', () => {
    const header = JSON.stringify([
      { code: 'PLACEHOLDER_MISSING', message: 'deal.fields.regi\\u00e3o is empty', tag: 'x' },
    ]);
    expect(readWarnings(header.replace('\\\\u00e3', '\\u00e3'))).toEqual([
      { code: 'PLACEHOLDER_MISSING', message: 'deal.fields.região is empty', tag: 'x' },
    ]);
  });

  it('ignores a missing or broken header', () => {
    expect(readWarnings(null)).toEqual([]);
    expect(readWarnings('{not json')).toEqual([]);
    expect(readWarnings('[{"code":1}]')).toEqual([]);
  });
});
