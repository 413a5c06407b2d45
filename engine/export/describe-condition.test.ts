import { describe, expect, it } from 'vitest';
import type { Condition } from '../../schemas/index.ts';
import { compileCondition } from '../compile/compile-condition.ts';
import { describeCondition, describeConditions } from './describe-condition.ts';

describe('describeConditions', () => {
  it('reads a conjunction with operator phrases, a negated group in parentheses and quoted strings', () => {
    const conditions: Condition[] = [
      { fact: 'amount', operator: 'greaterThan', value: 50000 },
      { not: { fact: 'fields.region', operator: 'in', value: ['EU', 'UK'] } },
      { fact: 'contacts.role', operator: 'contains', value: 'signer' },
    ];
    expect(describeConditions(conditions)).toBe(
      'amount > 50000 AND NOT (fields.region in [EU, UK]) AND contacts.role contains "signer"',
    );
  });

  it('reads the compiled form of exists (notEqual null) as exists, in flows and in compiled rules', () => {
    const flowCondition: Condition = { not: { fact: 'fields.region', operator: 'exists' } };
    expect(describeCondition(flowCondition)).toBe('NOT (fields.region exists)');
    expect(describeCondition(compileCondition(flowCondition))).toBe('NOT (fields.region exists)');
    expect(describeCondition({ fact: 'title', operator: 'notEqual', value: 'x' })).toBe('title ≠ "x"');
  });

  it('uses the phrase of every comparison operator', () => {
    const phrases = [
      ['lessThan', '<'],
      ['lessThanInclusive', '≤'],
      ['greaterThanInclusive', '≥'],
      ['equal', '='],
      ['notIn', 'not in'],
      ['doesNotContain', 'does not contain'],
    ];
    for (const [operator, phrase] of phrases) {
      expect(describeCondition({ fact: 'amount', operator: operator as string, value: 7 })).toBe(`amount ${phrase} 7`);
    }
  });

  it('puts an OR inside an AND (and an AND inside an OR) in parentheses, and flattens same-kind groups', () => {
    const a: Condition = { fact: 'amount', operator: 'greaterThan', value: 1 };
    const b: Condition = { fact: 'currency', operator: 'equal', value: 'EUR' };
    const c: Condition = { fact: 'contacts.count', operator: 'lessThan', value: 3 };
    expect(describeConditions([{ any: [a, b] }, c])).toBe('(amount > 1 OR currency = "EUR") AND contacts.count < 3');
    expect(describeCondition({ any: [{ all: [a, b] }, c] })).toBe(
      '(amount > 1 AND currency = "EUR") OR contacts.count < 3',
    );
    expect(describeConditions([{ all: [a, { all: [b, c] }] }])).toBe(
      'amount > 1 AND currency = "EUR" AND contacts.count < 3',
    );
    expect(describeConditions([{ any: [a] }, c])).toBe('amount > 1 AND contacts.count < 3');
    expect(describeCondition({ not: { any: [a, b] } })).toBe('NOT (amount > 1 OR currency = "EUR")');
  });

  it('quotes list elements that would otherwise read as numbers, keywords or separators', () => {
    const value = ['EU', 'a b', '1', 'true', 'x,y', '', 2, false, null];
    expect(describeCondition({ fact: 'fields.region', operator: 'in', value })).toBe(
      'fields.region in [EU, "a b", "1", "true", "x,y", "", 2, false, null]',
    );
  });

  it('shows an operator it does not know by name, and nothing for no conditions', () => {
    expect(describeCondition({ fact: 'title', operator: 'startsWith', value: 'Annual' })).toBe(
      'title startsWith "Annual"',
    );
    expect(describeConditions([])).toBe('');
  });
});
