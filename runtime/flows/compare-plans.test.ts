import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { ActionPlan, Flow, PlannedAction, PlannedSendDocument } from '../../schemas/index.ts';
import { demoFlow, exampleEvent } from '../../test/support/examples.ts';
import { compareOverEvents } from './compare-over-events.ts';
import { firedRuleNames, planDifferences } from './compare-plans.ts';

const contract: PlannedSendDocument = {
  kind: 'sendDocument',
  ruleName: 'f:t->a',
  flowId: 'f',
  flowVersion: 1,
  actionNodeId: 'a',
  priority: 1,
  documentType: 'contract',
  templateId: 'standard',
  signingOrder: 'companyFirst',
  linkExpiryDays: 14,
  signers: [{ side: 'counterparty', order: 2, contactId: 'P-5', name: 'Ana', email: 'ana@example.com' }],
};

const plan = (...actions: PlannedAction[]): ActionPlan => ({
  eventId: 'e',
  pipelineId: 'p',
  bucket: 'b',
  rulesConsidered: actions.length,
  actions,
  suppressed: [],
  warnings: [],
});

describe('planDifferences', () => {
  it('finds nothing between equal plans, nor between two empty ones', () => {
    expect(planDifferences(plan(contract), plan({ ...contract, signers: [...contract.signers] }))).toEqual([]);
    expect(planDifferences(plan(), plan())).toEqual([]);
  });

  it('names a document type planned on one side only, either way', () => {
    expect(planDifferences(plan(contract), plan())).toEqual(['document']);
    expect(planDifferences(plan(), plan(contract))).toEqual(['document']);
    expect(planDifferences(plan({ ...contract, documentType: 'invoice' }), plan(contract))).toEqual(['document']);
  });

  it('names another template, other signers or signing settings', () => {
    expect(planDifferences(plan({ ...contract, templateId: 'large' }), plan(contract))).toEqual(['template']);
    const otherEmail = {
      ...contract,
      signers: [{ ...contract.signers[0], email: 'x@example.com' }],
    } as PlannedSendDocument;
    expect(planDifferences(plan(otherEmail), plan(contract))).toEqual(['signers']);
    expect(planDifferences(plan({ ...contract, signingOrder: 'parallel' }), plan(contract))).toEqual(['signers']);
    expect(planDifferences(plan({ ...contract, linkExpiryDays: 7 }), plan(contract))).toEqual(['signers']);
  });

  it('names another stage move or webhook', () => {
    const move = {
      kind: 'moveDeal',
      ruleName: 'm',
      flowId: 'f',
      flowVersion: 1,
      actionNodeId: 'm',
      stageId: 'won',
    } as const;
    const hook = {
      kind: 'callWebhook',
      ruleName: 'h',
      flowId: 'f',
      flowVersion: 1,
      actionNodeId: 'h',
      url: 'https://a',
    } as const;
    expect(planDifferences(plan(move), plan({ ...move, stageId: 'lost' }))).toEqual(['action']);
    expect(planDifferences(plan(hook), plan())).toEqual(['action']);
    expect(planDifferences(plan(hook, move), plan(hook, move))).toEqual([]);
  });

  it('counts suppressed rules as fired', () => {
    const suppressed = {
      ...plan(contract),
      suppressed: [{ ruleName: 'f:t->b', documentType: 'contract', wonBy: 'f:t->a' }],
    };
    expect(firedRuleNames(suppressed)).toEqual(['f:t->a', 'f:t->b']);
  });
});

describe('compareOverEvents', () => {
  it('yields to the event loop between chunks', async () => {
    const evaluator = createEvaluator(compileFlow(demoFlow() as Flow));
    const events = Array.from({ length: 100 }, () => exampleEvent('contract'));
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const compared = await compareOverEvents(evaluator, evaluator, events, { keep: 10, chunk: 10 });
    ticking = false;
    expect(compared.eventsChanged).toBe(0);
    expect(compared.perRule).toEqual([
      { ruleName: 'sales-documents:enter-contract->send-contract-large', draftFired: 100, activeFired: 100 },
    ]);
    // Nine yields between ten chunks: other callbacks ran while the comparison was going on.
    expect(ticks).toBeGreaterThanOrEqual(9);
  });
});
