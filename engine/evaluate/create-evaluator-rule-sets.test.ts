// createEvaluator on rule sets that did not come straight from the compiler: imported or hand-edited
// ones, later edits to the input and output, and inconsistent sets it must refuse.
import { describe, expect, it } from 'vitest';
import type { AllGroup, CompiledRule, Condition, DealEvent, RuleSet } from '../../schemas/index.ts';
import { demoFlow, exampleEvent } from '../../test/support/examples.ts';
import { contractBucket, ruleOf, ruleSetOf } from '../../test/support/rule-sets.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { maxRuleConditionDepth } from '../json/find-deep-nesting.ts';
import { createEvaluator, RuleSetError } from './create-evaluator.ts';

const contract = exampleEvent('contract');
const firedNames = (event: DealEvent, evaluator = createEvaluator(compileFlow(demoFlow()))) => {
  const plan = evaluator.evaluate(event);
  return [...plan.actions.map((action) => action.ruleName), ...plan.suppressed.map((entry) => entry.ruleName)];
};

describe('createEvaluator: rules as an import or a hand edit may leave them', () => {
  it('does not take the first three conditions for the trigger', () => {
    const ruleSet = ruleSetOf([
      // trigger conditions last: still proven by the bucket
      ruleOf('trigger-last', {
        conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 100 }, ...triggerOf(contractBucket)] },
      }),
      // listed under contract, but demands another stage: can never fire
      ruleOf('other-stage', { conditions: { all: [{ fact: 'stageId', operator: 'equal', value: 'invoice' }] } }),
      // no trigger conditions at all: fires on anything in its bucket
      ruleOf('no-trigger', { conditions: { all: [{ fact: 'currency', operator: 'equal', value: 'EUR' }] } }),
      // trigger conditions under "any": not a conjunction, nothing may be skipped
      ruleOf('any-trigger', {
        conditions: {
          any: [
            { fact: 'pipelineId', operator: 'equal', value: 'other' },
            { fact: 'amount', operator: 'lessThan', value: 0 },
          ],
        },
      }),
    ]);
    const evaluator = createEvaluator(ruleSet);
    expect(firedNames(contract, evaluator).sort()).toEqual(['no-trigger', 'trigger-last']);
    expect(
      evaluator
        .evaluate(contract, { trace: true })
        .trace?.filter((rule) => rule.fired)
        .map((rule) => rule.ruleName)
        .sort(),
    ).toEqual(['no-trigger', 'trigger-last']);
  });

  it('finds a bucket whose key has a "/" inside a part by the whole key, as bucketOf names it', () => {
    // "a/b" + "deal.stage_changed" + "contract" and "a" + "b/deal.stage_changed" ... name one key:
    // the lookup by parts must never find another bucket than the lookup by the key string.
    const ruleSet = ruleSetOf([
      ruleOf('slashed', {
        bucket: 'sales/x/deal.stage_changed/contract',
        conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] },
      }),
      ruleOf('plain', { conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] } }),
    ]);
    const evaluator = createEvaluator(ruleSet);
    const slashed = { ...contract, pipelineId: 'sales/x' };
    expect(evaluator.evaluate(slashed).bucket).toBe('sales/x/deal.stage_changed/contract');
    expect(firedNames(slashed, evaluator)).toEqual(['slashed']);
    expect(firedNames(contract, evaluator)).toEqual(['plain']);
    expect(firedNames({ ...contract, pipelineId: 'elsewhere' }, evaluator)).toEqual([]);
  });

  it('proves nothing from the bucket key for an event whose stage id is not a string', () => {
    const ruleSet = ruleSetOf([
      ruleOf('stage-5', { bucket: 'sales/deal.stage_changed/5' }),
      ruleOf('untyped', {
        bucket: 'sales/deal.stage_changed/5',
        conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] },
      }),
    ]);
    const event = { ...contract, deal: { ...contract.deal, stageId: 5 } } as unknown as DealEvent;
    const plan = createEvaluator(ruleSet).evaluate(event);
    // json-rules-engine: 5 === "5" is false, so only the rule without a stage condition fires
    expect(plan.bucket).toBe('sales/deal.stage_changed/5');
    expect(plan.actions.map((action) => action.ruleName)).toEqual(['untyped']);
  });
});

function triggerOf(bucket: string) {
  const [pipelineId, eventType, stageId] = bucket.split('/');
  return [
    { fact: 'stageId', operator: 'equal', value: stageId },
    { fact: 'eventType', operator: 'equal', value: eventType },
    { fact: 'pipelineId', operator: 'equal', value: pipelineId },
  ];
}

describe('createEvaluator: isolation', () => {
  it('is not changed by later edits to the rule set it was built from, nor to the plans it returned', () => {
    const currencies = ['EUR'];
    const ruleSet = ruleSetOf([ruleOf('eur', { when: [{ fact: 'currency', operator: 'in', value: currencies }] })]);
    const evaluator = createEvaluator(ruleSet);
    const before = evaluator.evaluate(contract, { trace: true });
    currencies[0] = 'USD';
    Object.assign(ruleSet.rules[0]!.event.params.action, { templateId: 'edited' });
    const traced = before.trace?.[0]?.conditions as { children: Array<{ value?: unknown }> };
    (traced.children[3]!.value as string[]).push('BRL');
    expect(evaluator.evaluate(contract).actions).toEqual(before.actions);
    expect(evaluator.evaluate(contract, { trace: true }).trace?.[0]?.conditions).toMatchObject({
      children: expect.arrayContaining([expect.objectContaining({ fact: 'currency', value: ['EUR'] })]),
    });
  });
});

describe('createEvaluator: inconsistent rule sets', () => {
  const valid = () => ruleSetOf([ruleOf('a', { when: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] })]);
  const addCondition = (ruleSet: RuleSet, condition: unknown) =>
    (ruleSet.rules[0]!.conditions as AllGroup).all.push(condition as Condition);
  const rejects = (edit: (ruleSet: ReturnType<typeof valid>) => void, message: RegExp) => {
    const ruleSet = valid();
    edit(ruleSet);
    expect(() => createEvaluator(ruleSet)).toThrow(RuleSetError);
    expect(() => createEvaluator(ruleSet)).toThrow(message);
  };

  it('accepts the valid base', () => expect(createEvaluator(valid()).bucketCount).toBe(1));
  it('rejects an index naming a missing rule', () =>
    rejects((set) => set.index[contractBucket]?.push('ghost'), /names rule "ghost", which the rule set lacks/));
  it('rejects an unknown operator', () =>
    rejects(
      (set) => addCondition(set, { fact: 'amount', operator: 'between', value: 1 }),
      /unknown operator "between"/,
    ));
  it('rejects a fact the rule set does not provide', () =>
    rejects((set) => set.facts.splice(0, 1), /reads fact "amount"/));
  it('rejects two rules with one name', () =>
    rejects((set) => set.rules.push(structuredClone(set.rules[0]!)), /two rules are named "a"/));
  it('rejects a rule no bucket lists', () => rejects((set) => (set.index = {}), /rule "a" is in no bucket/));
  it('rejects "in" without a list', () =>
    rejects((set) => addCondition(set, { fact: 'amount', operator: 'in', value: 5 }), /needs a list value/));
  it('rejects an empty group', () => rejects((set) => addCondition(set, { any: [] }), /non-empty list/));
  it('rejects JSONPath and fact references, which json-rules-engine would read differently', () => {
    rejects(
      (set) => addCondition(set, { fact: 'amount', operator: 'equal', value: 1, path: '$.x' }),
      /unsupported condition property "path"/,
    );
    rejects(
      (set) => addCondition(set, { fact: 'amount', operator: 'equal', value: { fact: 'x' } }),
      /must be a scalar or a list/,
    );
  });
  it('rejects a sendDocument rule without signers', () =>
    rejects(
      (set) => Object.assign(set.rules[0]!.event.params.action, { companySigner: undefined }),
      /rule "a": sendDocument needs a companySigner/,
    ));
});

describe('createEvaluator: rule sets it cannot evaluate faithfully, and old ones', () => {
  it('refuses a number that is not finite (JSON.parse of 1e400), naming where it is', () => {
    const ruleSet = ruleSetOf([ruleOf('huge', { when: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] })]);
    const text = JSON.stringify(ruleSet).replace('"value":1}', '"value":1e400}');
    expect(() => createEvaluator(JSON.parse(text))).toThrow(RuleSetError);
    expect(() => createEvaluator(JSON.parse(text))).toThrow('/rules/0/conditions/all/3/value');
  });

  it('refuses conditions nested past the limit with a RuleSetError, not a stack overflow', () => {
    let tree: Condition = { fact: 'amount', operator: 'greaterThan', value: 1 };
    const ruleSet = ruleSetOf([ruleOf('deep', { when: [tree] })]);
    for (let level = 0; level < 10_000; level++) tree = { not: tree };
    ((ruleSet.rules[0] as CompiledRule).conditions as AllGroup).all.push(tree);
    expect(() => createEvaluator(ruleSet)).toThrow(RuleSetError);
    expect(() => createEvaluator(ruleSet)).toThrow(`nest more than ${maxRuleConditionDepth} groups`);
  });

  it('plans an action node once when two rules of one bucket lead to it, suppressing neither by itself', () => {
    const first = ruleOf('from-a');
    const second = ruleOf('from-b');
    second.event.params.actionNodeId = first.event.params.actionNodeId;
    const plan = createEvaluator(ruleSetOf([first, second])).evaluate(contract);
    expect(plan.actions).toHaveLength(1);
    expect(plan.suppressed).toEqual([]);
  });
});
