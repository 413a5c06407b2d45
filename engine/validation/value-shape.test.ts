import { describe, expect, it } from 'vitest';
import { expectedValue, quotingHint } from './value-shape.ts';

describe('expectedValue', () => {
  it('sameAsFact: a value of the fact type', () => {
    expect(expectedValue('sameAsFact', 'number', 5)).toBe(undefined);
    expect(expectedValue('sameAsFact', 'number', '5')).toBe('a number');
    expect(expectedValue('sameAsFact', 'string', 'EU')).toBe(undefined);
    expect(expectedValue('sameAsFact', 'string', null)).toBe('a string');
    expect(expectedValue('sameAsFact', 'boolean', 'true')).toBe('true or false');
  });

  it('listOfFactType: a list whose every item has the fact type', () => {
    expect(expectedValue('listOfFactType', 'string', ['EU', 'UK'])).toBe(undefined);
    expect(expectedValue('listOfFactType', 'string', [])).toBe(undefined);
    expect(expectedValue('listOfFactType', 'string', 'EU')).toMatch(/^a list of strings/);
    expect(expectedValue('listOfFactType', 'number', [12, '24'])).toMatch(/^a list of numbers/);
  });

  it('listElement, number and none', () => {
    expect(expectedValue('listElement', 'list', 'signer')).toBe(undefined);
    expect(expectedValue('listElement', 'list', ['signer'])).toMatch(/^a string/);
    expect(expectedValue('number', 'number', 0)).toBe(undefined);
    expect(expectedValue('number', 'number', '100')).toBe('a number');
    expect(expectedValue('none', 'number', undefined)).toBe(undefined);
    expect(expectedValue('none', 'number', null)).toBe('no value');
  });
});

describe('quotingHint', () => {
  it('spots a number or boolean typed in quotes, and a value where none is taken', () => {
    expect(quotingHint('a number', '50000')).toBe(' Write 50000 without quotes.');
    expect(quotingHint('a number', 'lots')).toBe('');
    expect(quotingHint('true or false', 'false')).toBe(' Write false without quotes.');
    expect(quotingHint('no value', 5)).toBe(' Remove "value".');
    expect(quotingHint('a string', 5)).toBe('');
  });
});
