import { describe, expect, it } from 'vitest';
import { type AllGroup, type Condition, checkActionPlan, type DealEvent, type RuleSet } from '../../schemas/index.ts';
import { demoFlow, exampleEvent } from '../../test/support/examples.ts';
import { contractBucket, ruleOf, ruleSetOf, sendDocumentSettings } from '../../test/support/rule-sets.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { createEvaluator, RuleSetError } from './create-evaluator.ts';

const contract = exampleEvent('contract');
const firedNames = (event: DealEvent, evaluator = createEvaluator(compileFlow(demoFlow()))) => {
  const plan = evaluator.evaluate(event);
  return [...plan.actions.map((action) => action.ruleName), ...plan.suppressed.map((entry) => entry.ruleName)];
};

describe('createEvaluator on the demo flow', () => {
  const evaluator = createEvaluator(compileFlow(demoFlow()));

  it('plans the large-deal contract for a 62,500 EUR deal, with its signers in order', () => {
    const plan = evaluator.evaluate(contract);
    expect(checkActionPlan(plan).ok).toBe(true);
    expect(plan).toEqual({
      eventId: 'crm-7f3a9c',
      pipelineId: 'sales',
      bucket: contractBucket,
      rulesConsidered: 2,
      actions: [
        {
          kind: 'sendDocument',
          ruleName: 'sales-documents:enter-contract->send-contract-large',
          flowId: 'sales-documents',
          flowVersion: 1,
          actionNodeId: 'send-contract-large',
          priority: 1,
          documentType: 'contract',
          templateId: 'contract-large',
          signingOrder: 'companyFirst',
          linkExpiryDays: 14,
          signers: [
            { side: 'company', order: 1, employeeId: 'director' },
            {
              side: 'counterparty',
              order: 2,
              contactId: 'P-5',
              name: 'Ana Souza',
              email: 'ana@globex.example',
              phone: '+5511999990000',
            },
          ],
        },
      ],
      suppressed: [],
      warnings: [],
    });
  });

  it('plans the standard contract for a small deal, signed for the company by the responsible user', () => {
    const plan = evaluator.evaluate(exampleEvent('small-contract'));
    expect(plan.actions.map((action) => action.ruleName)).toEqual([
      'sales-documents:enter-contract->send-contract-standard',
    ]);
    expect(plan.actions[0]).toMatchObject({ signers: [{ side: 'company', order: 1, userId: 'u-7' }, { order: 2 }] });
  });

  it('plans moveDeal after a completed contract', () => {
    const plan = evaluator.evaluate(exampleEvent('contract-completed'));
    expect(plan.bucket).toBe('sales/document.completed/contract');
    expect(plan.actions).toEqual([
      {
        kind: 'moveDeal',
        ruleName: 'sales-documents:contract-signed->move-to-invoice',
        flowId: 'sales-documents',
        flowVersion: 1,
        actionNodeId: 'move-to-invoice',
        stageId: 'invoice',
      },
    ]);
  });

  it('gives an empty plan for a bucket no rule listens to', () => {
    const event = { ...contract, deal: { ...contract.deal, stageId: 'lead' } };
    const plan = evaluator.evaluate(event, { trace: true });
    expect(plan).toEqual({
      eventId: 'crm-7f3a9c',
      pipelineId: 'sales',
      bucket: 'sales/deal.stage_changed/lead',
      rulesConsidered: 0,
      actions: [],
      suppressed: [],
      warnings: [],
      trace: [],
    });
    expect(evaluator.bucketCount).toBe(4);
  });

  it('traces every rule of the bucket with its whole condition tree, fired or not', () => {
    const plan = evaluator.evaluate(exampleEvent('small-contract'), { trace: true });
    expect(checkActionPlan(plan).ok).toBe(true);
    expect(plan.trace?.map(({ ruleName, priority, fired }) => ({ ruleName, priority, fired }))).toEqual([
      { ruleName: 'sales-documents:enter-contract->send-contract-large', priority: 1, fired: false },
      { ruleName: 'sales-documents:enter-contract->send-contract-standard', priority: 1, fired: true },
    ]);
    const amount = { fact: 'amount', operator: 'greaterThan', value: 50000, factValue: 9800, result: false };
    expect(plan.trace?.[1]?.conditions).toEqual({
      group: 'all',
      result: true,
      children: [
        { fact: 'pipelineId', operator: 'equal', value: 'sales', factValue: 'sales', result: true },
        {
          fact: 'eventType',
          operator: 'equal',
          value: 'deal.stage_changed',
          factValue: 'deal.stage_changed',
          result: true,
        },
        { fact: 'stageId', operator: 'equal', value: 'contract', factValue: 'contract', result: true },
        { group: 'not', result: true, children: [{ group: 'all', result: false, children: [amount] }] },
      ],
    });
  });

  it('reports an absent fact as null in the trace', () => {
    const ruleSet = ruleSetOf([
      ruleOf('region', { when: [{ fact: 'fields.region', operator: 'notEqual', value: null }] }),
    ]);
    const plan = createEvaluator(ruleSet).evaluate(exampleEvent('small-contract'), { trace: true });
    expect(plan.trace?.[0]?.fired).toBe(false);
    expect(plan.trace?.[0]?.conditions).toMatchObject({
      children: expect.arrayContaining([
        { fact: 'fields.region', operator: 'notEqual', value: null, factValue: null, result: false },
      ]),
    });
  });

  it('leaves the trace out unless asked', () => {
    expect(evaluator.evaluate(contract)).not.toHaveProperty('trace');
    expect(evaluator.evaluate(contract, { trace: true }).trace).toHaveLength(2);
  });
});

describe('createEvaluator: competing rules', () => {
  const amountOver = (value: number) => [{ fact: 'amount', operator: 'greaterThan', value }];

  it('sends one document per type: the first fired in priority order wins, the rest are suppressed', () => {
    const ruleSet = ruleSetOf([
      ruleOf('a-low', { priority: 1, action: sendDocumentSettings({ templateId: 'low' }) }),
      ruleOf('b-high', { priority: 5, when: amountOver(1000) }),
      ruleOf('c-high-not-fired', { priority: 9, when: amountOver(1_000_000) }),
      ruleOf('d-nda', { action: sendDocumentSettings({ documentType: 'nda' }) }),
      ruleOf('a-also-high', { priority: 5, action: sendDocumentSettings({ templateId: 'other' }) }),
    ]);
    const plan = createEvaluator(ruleSet).evaluate(contract);
    expect(plan.rulesConsidered).toBe(5);
    expect(plan.actions.map((action) => action.ruleName)).toEqual(['a-also-high', 'd-nda']);
    expect(plan.suppressed).toEqual([
      { ruleName: 'b-high', documentType: 'contract', wonBy: 'a-also-high' },
      { ruleName: 'a-low', documentType: 'contract', wonBy: 'a-also-high' },
    ]);
  });

  it('moves the deal once (first fired wins) but calls every webhook', () => {
    const bucket = 'sales/document.completed/contract';
    const ruleSet = ruleSetOf([
      ruleOf('move-a', { bucket, action: { stageId: 'invoice' } }),
      ruleOf('move-b', { bucket, priority: 2, action: { stageId: 'won' } }),
      ruleOf('hook-a', { bucket, action: { url: 'https://a.example/hook' } }),
      ruleOf('hook-b', { bucket, action: { url: 'https://b.example/hook' } }),
    ]);
    const plan = createEvaluator(ruleSet).evaluate(exampleEvent('contract-completed'));
    expect(checkActionPlan(plan).ok).toBe(true);
    expect(plan.actions.map((action) => [action.ruleName, action.kind])).toEqual([
      ['move-b', 'moveDeal'],
      ['hook-a', 'callWebhook'],
      ['hook-b', 'callWebhook'],
      // move-a lost to move-b
    ]);
    expect(plan.actions[1]).toMatchObject({
      url: 'https://a.example/hook',
      flowVersion: 3,
      actionNodeId: 'hook-a-action',
    });
    expect(plan.suppressed).toEqual([{ ruleName: 'move-a', documentType: 'moveDeal', wonBy: 'move-b' }]);
  });

  it('orders by priority and name whatever order a hand-edited index gives', () => {
    const ruleSet = ruleSetOf([
      ruleOf('z', { priority: 1 }),
      ruleOf('m', { priority: 3 }),
      ruleOf('a', { priority: 1 }),
    ]);
    const plan = createEvaluator(ruleSet).evaluate(contract, { trace: true });
    expect(plan.trace?.map((rule) => rule.ruleName)).toEqual(['m', 'a', 'z']);
    expect(plan.actions.map((action) => action.ruleName)).toEqual(['m']);
  });
});

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
