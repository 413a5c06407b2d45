import { describe, expect, it } from 'vitest';
import {
  closestName,
  describeComparison,
  describeTypedValue,
  didYouMean,
  listForMessage,
  quotedNames,
} from './message-text.ts';

describe('listForMessage', () => {
  it('lists every item up to the limit and marks the rest with an ellipsis', () => {
    expect(listForMessage(['a', 'b', 'c'])).toBe('a, b, c');
    expect(listForMessage(['a', 'b', 'c'], 2)).toBe('a, b, …');
  });
});

describe('quotedNames', () => {
  it('joins names as a sentence does', () => {
    expect(quotedNames(['a'])).toBe('"a"');
    expect(quotedNames(['a', 'b'])).toBe('"a" and "b"');
    expect(quotedNames(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
  });
});

describe('closestName / didYouMean', () => {
  it('suggests the known name a typo was meant to be', () => {
    expect(closestName('contrakt', ['lead', 'contract', 'invoice'])).toBe('contract');
    expect(closestName('amout', ['amount', 'currency'])).toBe('amount');
    expect(didYouMean('greaterThen', ['lessThan', 'greaterThan'])).toBe(' Did you mean "greaterThan"?');
  });

  it('suggests nothing for a name unlike any known one', () => {
    expect(closestName('signing', ['lead', 'contract', 'invoice'])).toBe(undefined);
    expect(didYouMean('zzz', [])).toBe('');
  });
});

describe('describeComparison / describeTypedValue', () => {
  it('writes comparisons as they read', () => {
    expect(describeComparison({ fact: 'amount', operator: 'greaterThan', value: 50000 })).toBe('amount > 50000');
    expect(describeComparison({ fact: 'region', operator: 'in', value: ['EU'] })).toBe('region in ["EU"]');
    expect(describeComparison({ fact: 'amount', operator: 'exists' })).toBe('amount exists');
    expect(describeComparison({ fact: 'amount', operator: 'between', value: 1 })).toBe('amount between 1');
  });

  it('names the type of a value that was typed wrong', () => {
    expect(describeTypedValue('5')).toBe('the string "5"');
    expect(describeTypedValue([1])).toBe('the list [1]');
    expect(describeTypedValue(true)).toBe('true');
    expect(describeTypedValue(undefined)).toBe('no value');
  });
});
