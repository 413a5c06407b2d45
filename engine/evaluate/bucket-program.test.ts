import { describe, expect, it } from 'vitest';
import { impliedFacts } from './bucket-of.ts';
import { compileBucketProgram, runNode, withoutProven } from './bucket-program.ts';
import { type CheckedCondition, checkCondition } from './check-condition.ts';

const factNames = ['amount', 'currency', 'eventType', 'pipelineId', 'stageId'];
const known = new Set(factNames);
const implied = impliedFacts('sales/deal.stage_changed/contract');
const trigger = [
  { fact: 'pipelineId', operator: 'equal', value: 'sales' },
  { fact: 'eventType', operator: 'equal', value: 'deal.stage_changed' },
  { fact: 'stageId', operator: 'equal', value: 'contract' },
];
const large = { fact: 'amount', operator: 'greaterThan', value: 50000 };
const check = (conditions: unknown) => checkCondition(conditions, 'test', known);

/** Runs one rule's program on facts given by name; absent facts are null, as toFacts makes them. */
function run(root: CheckedCondition | boolean, facts: Record<string, unknown>): boolean {
  const program = compileBucketProgram([root], factNames);
  return runNode(
    program,
    program.ruleStarts[0] as number,
    program.factNames.map((name) => facts[name] ?? null),
  );
}

describe('bucket programs', () => {
  it('evaluate all, any and not as json-rules-engine does', () => {
    const tree = check({
      all: [large, { any: [{ fact: 'currency', operator: 'in', value: ['EUR', 'USD'] }, { not: large }] }],
    });
    expect(run(tree, { amount: 62500, currency: 'EUR' })).toBe(true);
    expect(run(tree, { amount: 62500, currency: 'BRL' })).toBe(false);
    expect(run(tree, { amount: '62500', currency: 'USD' })).toBe(true);
    expect(run(tree, { amount: null, currency: 'EUR' })).toBe(false);
  });

  it('lay several rules out one after another', () => {
    const program = compileBucketProgram([check({ all: [large] }), check({ not: large }), true, false], factNames);
    const values = [60000, null, null, null, null];
    expect([...program.ruleStarts].map((start) => runNode(program, start, values))).toEqual([true, false, true, false]);
  });
});

describe('withoutProven', () => {
  // Facts without the trigger facts: a rule that still holds never looked at them.
  it('drops the comparisons the bucket key proves, wherever they stand in the root all', () => {
    expect(run(withoutProven(check({ all: [...trigger, large] }), implied), { amount: 62500 })).toBe(true);
    expect(run(withoutProven(check({ all: [large, ...[...trigger].reverse()] }), implied), { amount: 62500 })).toBe(
      true,
    );
    expect(run(withoutProven(check({ all: [...trigger, large] }), implied), { amount: 100 })).toBe(false);
    expect(withoutProven(check({ all: trigger }), implied)).toBe(true);
  });

  it('never fires a rule whose root all demands another stage than its bucket', () => {
    const otherStage = { fact: 'stageId', operator: 'equal', value: 'invoice' };
    expect(withoutProven(check({ all: [large, otherStage] }), implied)).toBe(false);
  });

  it('proves nothing inside any or not, nor with other operators, nor without a decomposable key', () => {
    // Each would hold if a trigger comparison inside it were wrongly taken as proven.
    const anyOfTrigger = check({ any: [trigger[0], large] });
    expect(run(withoutProven(anyOfTrigger, implied), { amount: 1 })).toBe(false);
    const notTrigger = check({ all: [{ not: trigger[2] }] });
    expect(run(withoutProven(notTrigger, implied), { stageId: 'contract' })).toBe(false);
    const notEqualStage = check({ all: [{ fact: 'stageId', operator: 'notEqual', value: 'x' }] });
    expect(run(withoutProven(notEqualStage, implied), { stageId: 'x' })).toBe(false);
    expect(impliedFacts('sales/x/deal.stage_changed/contract')).toBeUndefined();
    expect(withoutProven(check({ all: trigger }), undefined)).toEqual(check({ all: trigger }));
  });
});
