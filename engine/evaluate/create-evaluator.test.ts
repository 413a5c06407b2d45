import { describe, expect, it } from 'vitest';
import { checkActionPlan } from '../../schemas/index.ts';
import { demoFlow, exampleEvent } from '../../test/support/examples.ts';
import { contractBucket, ruleOf, ruleSetOf, sendDocumentSettings } from '../../test/support/rule-sets.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { createEvaluator } from './create-evaluator.ts';

const contract = exampleEvent('contract');

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
