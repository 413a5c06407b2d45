import { describe, expect, it } from 'vitest';
import { compileBucketProgram, runNode } from './bucket-program.ts';
import { checkCondition } from './check-condition.ts';
import { traceCondition } from './trace-condition.ts';

const facts = { amount: 62500, currency: 'EUR', 'fields.region': null, 'contacts.role': ['signer'] };
const known = new Set(Object.keys(facts));

describe('traceCondition', () => {
  it('evaluates every comparison, even after the group is decided, with the fact values seen', () => {
    const condition = checkCondition(
      {
        any: [
          { fact: 'amount', operator: 'greaterThan', value: 50000 },
          { not: { fact: 'fields.region', operator: 'notEqual', value: null } },
          { all: [{ fact: 'contacts.role', operator: 'contains', value: 'legal' }] },
        ],
      },
      'test',
      known,
    );
    expect(traceCondition(condition, facts)).toEqual({
      group: 'any',
      result: true,
      children: [
        { fact: 'amount', operator: 'greaterThan', value: 50000, factValue: 62500, result: true },
        {
          group: 'not',
          result: true,
          children: [{ fact: 'fields.region', operator: 'notEqual', value: null, factValue: null, result: false }],
        },
        {
          group: 'all',
          result: false,
          children: [
            { fact: 'contacts.role', operator: 'contains', value: 'legal', factValue: ['signer'], result: false },
          ],
        },
      ],
    });
  });

  it('agrees with the bucket program', () => {
    const trees = [
      {
        all: [
          { fact: 'currency', operator: 'in', value: ['USD', 'EUR'] },
          { fact: 'amount', operator: 'lessThan', value: 1 },
        ],
      },
      {
        any: [
          { fact: 'currency', operator: 'equal', value: 'USD' },
          { not: { fact: 'amount', operator: 'lessThan', value: 1 } },
        ],
      },
      { not: { all: [{ fact: 'contacts.role', operator: 'doesNotContain', value: 'x' }] } },
    ];
    const results = trees.map((tree) => {
      const checked = checkCondition(tree, 'test', known);
      const factNames = Object.keys(facts);
      const program = compileBucketProgram([checked], factNames);
      const values = factNames.map((name) => facts[name as keyof typeof facts]);
      return [traceCondition(checked, facts).result, runNode(program, 0, values)];
    });
    expect(results).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
  });
});
