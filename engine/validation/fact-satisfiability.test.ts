import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operators } from '../operators/operators.ts';
import { canFactPassAll, type FactTest } from './fact-satisfiability.ts';

const test = (operator: string, value: unknown, negated = false): FactTest => ({ operator, value, negated });
const not = (operator: string, value: unknown): FactTest => test(operator, value, true);

describe('canFactPassAll: numeric bounds', () => {
  it('finds no number above 100 and below 50', () => {
    expect(canFactPassAll([test('greaterThan', 100), test('lessThan', 50)])).toBe(false);
  });

  it('finds 10 for >= 10 and <= 10, but nothing for > 10 and <= 10', () => {
    expect(canFactPassAll([test('greaterThanInclusive', 10), test('lessThanInclusive', 10)])).toBe(true);
    expect(canFactPassAll([test('greaterThan', 10), test('lessThanInclusive', 10)])).toBe(false);
  });

  it('finds a value strictly between close bounds, and none between adjacent doubles', () => {
    expect(canFactPassAll([test('greaterThan', 0.1), test('lessThan', 0.1000001)])).toBe(true);
    expect(canFactPassAll([test('greaterThan', 1), test('lessThan', 1 + Number.EPSILON)])).toBe(false);
  });

  it('combines equal with bounds', () => {
    expect(canFactPassAll([test('equal', 30), test('greaterThan', 50)])).toBe(false);
    expect(canFactPassAll([test('equal', 70), test('greaterThan', 50)])).toBe(true);
  });

  it('does not let not(amount > 100) force the fact to be a number', () => {
    // null (an absent amount) passes not(> 100) and fails every numeric test.
    expect(canFactPassAll([not('greaterThan', 100), not('lessThanInclusive', 100)])).toBe(true);
    expect(canFactPassAll([not('greaterThan', 100), test('greaterThan', 200)])).toBe(false);
    expect(canFactPassAll([not('greaterThan', 50000), test('greaterThan', 60000)])).toBe(false);
  });

  it('knows that a number-like value equal to no constant can sit exactly on a bound', () => {
    // "100" (or [100]) is >= 100 and <= 100 yet not identical to 100.
    const tests = [test('greaterThanInclusive', 100), test('lessThanInclusive', 100), test('notEqual', 100)];
    expect(canFactPassAll(tests)).toBe(true);
  });
});

describe('canFactPassAll: identity and lists', () => {
  it('finds nothing equal to two different values, or equal and not equal to one', () => {
    expect(canFactPassAll([test('equal', 'EU'), test('equal', 'UK')])).toBe(false);
    expect(canFactPassAll([test('equal', 'EU'), test('notEqual', 'EU')])).toBe(false);
    expect(canFactPassAll([test('equal', 'EU'), not('equal', 'EU')])).toBe(false);
    expect(canFactPassAll([test('equal', 'EU'), test('notEqual', 'UK')])).toBe(true);
  });

  it('treats 5 and "5" as different values, as json-rules-engine does', () => {
    expect(canFactPassAll([test('equal', 5), test('equal', '5')])).toBe(false);
    expect(canFactPassAll([test('equal', 5), test('notEqual', '5')])).toBe(true);
  });

  it('reasons about in and notIn lists', () => {
    expect(canFactPassAll([test('in', [])])).toBe(false);
    expect(canFactPassAll([test('in', ['EU', 'UK']), test('notIn', ['EU', 'UK'])])).toBe(false);
    expect(canFactPassAll([test('in', ['EU', 'UK']), test('notIn', ['EU'])])).toBe(true);
    expect(canFactPassAll([test('in', ['EU', 'UK']), test('equal', 'US')])).toBe(false);
    expect(canFactPassAll([test('in', ['EU', 'UK']), test('equal', 'UK')])).toBe(true);
    expect(canFactPassAll([test('notIn', []), not('in', [])])).toBe(true);
    expect(canFactPassAll([test('in', [1, 5]), test('greaterThan', 5)])).toBe(false);
  });

  it('reasons about exists', () => {
    expect(canFactPassAll([test('exists', undefined), not('exists', undefined)])).toBe(false);
    expect(canFactPassAll([not('exists', undefined), test('equal', 'EU')])).toBe(false);
    expect(canFactPassAll([not('exists', undefined), test('notEqual', 'EU')])).toBe(true);
    expect(canFactPassAll([test('exists', undefined), test('greaterThan', 3)])).toBe(true);
  });

  it('reasons about list membership', () => {
    expect(canFactPassAll([test('contains', 'signer'), test('doesNotContain', 'signer')])).toBe(false);
    expect(canFactPassAll([test('contains', 'signer'), not('contains', 'signer')])).toBe(false);
    expect(canFactPassAll([test('contains', 'signer'), test('doesNotContain', 'witness')])).toBe(true);
    expect(canFactPassAll([not('contains', 'signer'), not('doesNotContain', 'signer')])).toBe(true);
  });

  it('counts what it cannot reason about as possible', () => {
    expect(canFactPassAll([test('someOperator', 1), test('someOperator', 2)])).toBe(true);
    expect(canFactPassAll([test('greaterThan', '100'), test('lessThan', 50)])).toBe(true);
    expect(canFactPassAll([test('in', 'EU'), test('notIn', 'EU')])).toBe(true);
    expect(canFactPassAll([])).toBe(true);
  });
});

// Soundness: whenever a list is declared impossible, no value from a wide pool passes it. The
// constants are few so that random lists often collide on them (and contradict each other).
const constants = [5, 10, 'EU', '5', null, true];
const operatorNames = Object.keys(operators);
const valueFor = fc.oneof(fc.constantFrom(...constants), fc.subarray(constants), fc.constant(undefined));
const factTest = fc.record({ operator: fc.constantFrom(...operatorNames), value: valueFor, negated: fc.boolean() });
const candidates: unknown[] = [
  ...constants,
  ...Array.from({ length: 29 }, (_, index) => index / 2 - 1),
  ...Array.from({ length: 29 }, (_, index) => String(index / 2 - 1)),
  ...[[], [5], [10], ['5'], ['EU'], ['EU', '5'], [5, 10], [true]],
  ...['', 'x', ' 5', '5abc', '0x10', 'UK', false, 0, { id: 1 }],
];
// A test that throws (e.g. `in` with a number for a list) blocks nothing here: the strictest reading.
const passes = (value: unknown, { operator, value: expected, negated }: FactTest): boolean => {
  try {
    return operators[operator as keyof typeof operators].test(value, expected) !== negated;
  } catch {
    return true;
  }
};
const passesAll = (value: unknown, tests: readonly FactTest[]): boolean => tests.every((each) => passes(value, each));

describe('canFactPassAll: never a false "impossible"', () => {
  it('when it says no value passes, no sampled value does', () => {
    fc.assert(
      fc.property(fc.array(factTest, { minLength: 1, maxLength: 4 }), (tests) => {
        if (canFactPassAll(tests)) return;
        for (const value of candidates) expect(passesAll(value, tests)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('still declares a fair share of random lists impossible (it does not just answer "possible")', () => {
    let impossible = 0;
    fc.assert(
      fc.property(fc.array(factTest, { minLength: 2, maxLength: 3 }), (tests) => {
        if (!canFactPassAll(tests)) impossible++;
      }),
      { numRuns: 2000 },
    );
    expect(impossible).toBeGreaterThan(50);
  });
});
