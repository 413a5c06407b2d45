// What the compiler refuses or merges so that its output means what the flow says: numbers JSON
// cannot carry (1e400 was written as null, and `amount > null` is true in json-rules-engine),
// trees nested past the limit, and one action reached from several triggers of one bucket.
import { describe, expect, it } from 'vitest';
import type { CompiledRule } from '../../schemas/index.ts';
import { exampleEvent } from '../../test/support/examples.ts';
import { createEvaluator } from '../evaluate/create-evaluator.ts';
import { condition, edge, sendDocument, stageTrigger, testFlow } from '../validation/test-flow.ts';
import { validateFlow } from '../validation/validate-flow.ts';
import { compileFlow, serializeRuleSet, UncompilableFlowError } from './compile-flow.ts';

describe('compileFlow: limits', () => {
  it('refuses a comparison value that is not a finite number instead of writing null', () => {
    const flow = testFlow(
      [
        stageTrigger('start', 'contract'),
        condition('huge', { all: [{ fact: 'amount', operator: 'greaterThan', value: JSON.parse('1e400') }] }),
        sendDocument('send'),
      ],
      [edge('start', 'huge'), edge('huge', 'send', 'true')],
    );
    expect(() => compileFlow(flow)).toThrow(UncompilableFlowError);
    expect(() => compileFlow(flow)).toThrow('/nodes/1/data/conditions/all/0/value');
  });

  it('refuses a condition tree nested past the limit with its own error, not a stack overflow', () => {
    let tree = { all: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] } as never;
    for (let level = 0; level < 10_000; level++) tree = { not: tree } as never;
    const flow = testFlow(
      [stageTrigger('start', 'contract'), condition('deep', tree), sendDocument('send')],
      [edge('start', 'deep'), edge('deep', 'send', 'true')],
    );
    expect(() => compileFlow(flow)).toThrow(UncompilableFlowError);
  });
});

describe('compileFlow: one action from several triggers of one bucket', () => {
  const flow = testFlow(
    [
      stageTrigger('enter-a', 'contract'),
      stageTrigger('enter-b', 'contract'),
      condition('large', { all: [{ fact: 'amount', operator: 'greaterThan', value: 50_000 }] }),
      sendDocument('send'),
    ],
    [edge('enter-a', 'send'), edge('enter-b', 'large'), edge('large', 'send', 'true')],
  );

  it('is one rule, its paths joined with any (no path: it always fires)', () => {
    expect(validateFlow(flow).diagnostics).toEqual([]);
    const ruleSet = compileFlow(flow);
    expect(ruleSet.rules.map((rule) => rule.name)).toEqual(['test-flow:enter-a->send']);
    // One of the paths has no conditions, so the rule has none beyond its trigger's.
    expect(ruleSet.rules[0]?.conditions).toEqual({ all: expect.any(Array) });
    expect(((ruleSet.rules[0] as CompiledRule).conditions as { all: unknown[] }).all).toHaveLength(3);
  });

  it('plans the action once and never lists it as suppressed by itself', () => {
    const evaluator = createEvaluator(JSON.parse(serializeRuleSet(compileFlow(flow))));
    const plan = evaluator.evaluate(exampleEvent('contract'));
    expect(plan.actions.map((action) => action.actionNodeId)).toEqual(['send']);
    expect(plan.suppressed).toEqual([]);
  });

  it('joins conditional paths from both triggers with any', () => {
    const both = testFlow(
      [
        stageTrigger('enter-a', 'contract'),
        stageTrigger('enter-b', 'contract'),
        condition('large', { all: [{ fact: 'amount', operator: 'greaterThan', value: 50_000 }] }),
        condition('small', { all: [{ fact: 'amount', operator: 'lessThan', value: 100 }] }),
        sendDocument('send'),
      ],
      [
        edge('enter-a', 'large'),
        edge('enter-b', 'small'),
        edge('large', 'send', 'true'),
        edge('small', 'send', 'true'),
      ],
    );
    const [rule] = compileFlow(both).rules;
    const own = ((rule as CompiledRule).conditions as { all: Array<{ any?: unknown[] }> }).all[3];
    expect(own?.any).toHaveLength(2);
    expect(rule?.event.params.conditionNodeIds).toEqual(['large', 'small']);
  });
});
