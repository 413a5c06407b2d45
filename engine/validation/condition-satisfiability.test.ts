import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparison, Condition } from '../../schemas/index.ts';
import { operators } from '../operators/operators.ts';
import { canBeTrue, findContradiction } from './condition-satisfiability.ts';

const amount = (operator: string, value?: Comparison['value']): Comparison =>
  value === undefined ? { fact: 'amount', operator } : { fact: 'amount', operator, value };
const region = (operator: string, value?: Comparison['value']): Comparison => ({
  fact: 'fields.region',
  operator,
  value,
});

describe('findContradiction', () => {
  it('reports the contradicting fact of an impossible all-group', () => {
    const group: Condition = { all: [amount('greaterThan', 100), region('equal', 'EU'), amount('lessThan', 50)] };
    expect(findContradiction([group])).toEqual({ facts: ['amount'] });
  });

  it('accepts a range that holds one value', () => {
    expect(findContradiction([{ all: [amount('greaterThanInclusive', 10), amount('lessThanInclusive', 10)] }])).toBe(
      undefined,
    );
  });

  it('treats different facts as independent', () => {
    expect(canBeTrue([{ all: [amount('greaterThan', 100), region('equal', 'EU'), region('notEqual', 'UK')] }])).toBe(
      true,
    );
  });

  it('is satisfied when any alternative of an any-group is', () => {
    const any: Condition = { any: [amount('lessThan', 50), amount('greaterThan', 500)] };
    expect(canBeTrue([any, amount('greaterThan', 100)])).toBe(true);
    expect(canBeTrue([any, amount('greaterThan', 100), amount('lessThan', 400)])).toBe(false);
  });

  it('finds an all-group with an empty in-list never true', () => {
    expect(findContradiction([{ all: [region('in', [])] }])).toEqual({ facts: ['fields.region'] });
  });

  it('negates through not exactly: not(all) is any(not), not(any) is all(not)', () => {
    // not(amount <= 100 or amount >= 50) = amount is not a number, which `amount > 0` excludes.
    const neither: Condition = { not: { any: [amount('lessThanInclusive', 100), amount('greaterThanInclusive', 50)] } };
    expect(canBeTrue([neither])).toBe(true);
    expect(canBeTrue([neither, amount('greaterThan', 0)])).toBe(false);
    // not(amount > 10 and amount < 5) always holds.
    expect(canBeTrue([{ not: { all: [amount('greaterThan', 10), amount('lessThan', 5)] } }])).toBe(true);
    expect(canBeTrue([{ not: { not: region('equal', 'EU') } }, region('equal', 'UK')])).toBe(false);
  });

  it('reads a true branch then a false branch as a conjunction (amount > 50000, then not amount > 60000)', () => {
    const large: Condition = { all: [amount('greaterThan', 50000)] };
    const huge: Condition = { all: [amount('greaterThan', 60000)] };
    expect(canBeTrue([{ not: large }, huge])).toBe(false);
    expect(canBeTrue([large, { not: huge }])).toBe(true);
  });

  it('does not let not(amount > 100) force amount to be a number', () => {
    expect(canBeTrue([{ not: amount('greaterThan', 100) }, { not: amount('lessThanInclusive', 100) }])).toBe(true);
    expect(canBeTrue([{ not: amount('exists') }, { not: amount('greaterThan', 100) }])).toBe(true);
  });

  it('counts unknown operators and values it cannot reason about as possible', () => {
    expect(canBeTrue([amount('between', [1, 2]), amount('between', [5, 6])])).toBe(true);
    expect(canBeTrue([region('in', 'EU'), region('notIn', 'EU')])).toBe(true);
  });

  it('settles a group by one impossible member, and prunes contradictions while expanding', () => {
    const pairs: Condition[] = Array.from({ length: 12 }, (_, index) => ({
      any: [
        { fact: `fields.f${index}`, operator: 'equal', value: 1 },
        { fact: `fields.f${index}`, operator: 'equal', value: 2 },
      ],
    }));
    expect(canBeTrue([...pairs, amount('in', [])])).toBe(false);
    const exclusive: Condition[] = Array.from({ length: 12 }, (_, index) => ({
      any: [amount('equal', index), amount('equal', 100 + index)],
    }));
    expect(canBeTrue(exclusive)).toBe(false);
  });

  it('gives up (possible) rather than expand a tree past its limit', () => {
    // 2^12 possible alternatives before the contradiction on amount is reached: too many to expand.
    const pairs: Condition[] = Array.from({ length: 12 }, (_, index) => ({
      any: [
        { fact: `fields.f${index}`, operator: 'equal', value: 1 },
        { fact: `fields.f${index}`, operator: 'equal', value: 2 },
      ],
    }));
    expect(canBeTrue([...pairs, amount('greaterThan', 5), amount('lessThan', 3)])).toBe(true);
    expect(canBeTrue([...pairs.slice(0, 4), amount('greaterThan', 5), amount('lessThan', 3)])).toBe(false);
  });
});

// Soundness over random trees: whenever a tree is declared never true, no sampled fact values make it true.
const facts = ['amount', 'fields.region'] as const;
const values = [5, 10, 'EU', null];
const comparison: fc.Arbitrary<Comparison> = fc.record({
  fact: fc.constantFrom(...facts),
  operator: fc.constantFrom(...Object.keys(operators)),
  value: fc.oneof(fc.constantFrom(...values), fc.subarray(values)),
});
const { tree } = fc.letrec<{ tree: Condition }>((self) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({ all: fc.array(self('tree'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(self('tree'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: self('tree') }),
  ),
}));
const samples: unknown[] = [5, 10, 7.5, 0, 20, '5', '10', 'EU', 'UK', null, [5], [], ['EU'], true];

function holds(condition: Condition, world: Record<string, unknown>): boolean {
  if ('all' in condition) return condition.all.every((child) => holds(child, world));
  if ('any' in condition) return condition.any.some((child) => holds(child, world));
  if ('not' in condition) return !holds(condition.not, world);
  try {
    return operators[condition.operator as keyof typeof operators].test(world[condition.fact], condition.value);
  } catch {
    return false;
  }
}

describe('findContradiction: never a false "never true"', () => {
  it('no sampled world satisfies a tree it declares never true', () => {
    let neverTrue = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), (conditions) => {
        if (canBeTrue(conditions)) return;
        neverTrue++;
        for (const first of samples) {
          for (const second of samples) {
            const world = { amount: first, 'fields.region': second };
            expect(conditions.every((condition) => holds(condition, world))).toBe(false);
          }
        }
      }),
      { numRuns: 3000 },
    );
    expect(neverTrue).toBeGreaterThan(100);
  });
});

describe('findContradiction with a verdict cache (the rule-conflict check shares one per flow)', () => {
  const large = amount('greaterThan', 50_000);
  const small = amount('lessThan', 10);
  const eu = region('equal', 'EU');
  const lists: Condition[][] = [
    [large, small],
    [large, { not: small }],
    [{ not: large }, small],
    [large, eu, { not: eu }],
    [{ any: [large, eu] }, { not: large }],
    [large],
  ];

  it('answers as without it and spends the same budget, the first time and from the cache', () => {
    const verdicts = new Map<string, boolean>();
    for (let round = 0; round < 2; round++) {
      for (const conditions of lists) {
        const cached = { remaining: 10_000 };
        const plain = { remaining: 10_000 };
        expect(findContradiction(conditions, cached, verdicts)).toEqual(findContradiction(conditions, plain));
        expect(cached.remaining).toBe(plain.remaining);
      }
    }
    // Keyed by the comparisons' identity: a second round adds no verdict.
    expect(verdicts.size).toBeGreaterThan(0);
    const size = verdicts.size;
    for (const conditions of lists) findContradiction(conditions, undefined, verdicts);
    expect(verdicts.size).toBe(size);
  });

  it('tells apart two comparisons with the same fact but different values', () => {
    const verdicts = new Map<string, boolean>();
    expect(findContradiction([large, { not: amount('greaterThan', 40_000) }], undefined, verdicts)).toBeDefined();
    expect(findContradiction([large, { not: amount('greaterThan', 60_000) }], undefined, verdicts)).toBeUndefined();
  });
});
