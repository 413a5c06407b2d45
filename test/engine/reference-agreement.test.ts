// Pins the evaluator to json-rules-engine on the demo flow and on the coercions JavaScript makes
// in json-rules-engine's operators (a test of the format's semantics, not of our taste).
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { ActionPlan, Condition, DealEvent } from '../../schemas/index.ts';
import { demoFlow, exampleEvent, exampleEventNames } from '../support/examples.ts';
import { referenceFiredRules } from '../support/reference-engine.ts';
import { ruleOf, ruleSetOf } from '../support/rule-sets.ts';

const fired = (plan: ActionPlan) =>
  [...plan.actions.map((action) => action.ruleName), ...plan.suppressed.map((entry) => entry.ruleName)].sort();

describe('the demo flow', () => {
  const ruleSet = compileFlow(demoFlow());
  const evaluator = createEvaluator(ruleSet);

  it.each(exampleEventNames)('fires the same rules as json-rules-engine for deal-event.%s.json', async (name) => {
    const event = exampleEvent(name);
    const expected = await referenceFiredRules(ruleSet, event);
    expect(expected.length).toBeGreaterThan(0);
    expect(fired(evaluator.evaluate(event))).toEqual(expected);
  });
});

/** One rule with one condition on the contract bucket, and the deal's amount set to `amount`. */
async function bothOn(condition: Condition, amount: unknown): Promise<{ ours: string[]; reference: string[] }> {
  const ruleSet = ruleSetOf([ruleOf('pinned', { when: [condition] })]);
  const base = exampleEvent('contract');
  const event = { ...base, deal: { ...base.deal, amount } } as unknown as DealEvent;
  return {
    ours: fired(createEvaluator(ruleSet).evaluate(event)),
    reference: await referenceFiredRules(ruleSet, event),
  };
}

describe('operator semantics are json-rules-engine’s, coercions included', () => {
  const cases: Array<[string, Condition, unknown, boolean]> = [
    // json-rules-engine's number guard is parseFloat, then JavaScript compares "20000" > 15000.
    [
      'greaterThan accepts the numeric string "20000"',
      { fact: 'amount', operator: 'greaterThan', value: 15000 },
      '20000',
      true,
    ],
    [
      'greaterThan refuses a non-numeric string',
      { fact: 'amount', operator: 'greaterThan', value: 15000 },
      'abc',
      false,
    ],
    [
      '"1e5" passes the guard and coerces to 100000',
      { fact: 'amount', operator: 'greaterThan', value: 50000 },
      '1e5',
      true,
    ],
    // Two strings compare as text: "9" < "10" is false.
    ['lessThan compares two strings as text', { fact: 'amount', operator: 'lessThan', value: '10' }, '9', false],
    ['lessThan refuses null (an absent amount)', { fact: 'amount', operator: 'lessThan', value: 1 }, null, false],
    ['equal does not coerce', { fact: 'amount', operator: 'equal', value: 20000 }, '20000', false],
    ['in does not coerce', { fact: 'amount', operator: 'in', value: [20000] }, '20000', false],
    ['exists is notEqual null', { fact: 'amount', operator: 'notEqual', value: null }, null, false],
  ];

  it.each(cases)('%s', async (_, condition, amount, fires) => {
    const { ours, reference } = await bothOn(condition, amount);
    expect(reference).toEqual(fires ? ['pinned'] : []);
    expect(ours).toEqual(reference);
  });
});
