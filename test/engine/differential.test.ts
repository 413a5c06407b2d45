// The fast evaluator against json-rules-engine on random flows and events: both must fire exactly
// the same rules, with and without trace, whatever the flow's shape and the event's types.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFlows, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import { type ActionPlan, checkActionPlan, checkFlow, type DealEvent, type Flow } from '../../schemas/index.ts';
import { dealEventArbitrary } from '../support/deal-event-arbitraries.ts';
import { flowsArbitrary } from '../support/flow-arbitraries.ts';
import { referenceFiredRules } from '../support/reference-engine.ts';

const scenario = flowsArbitrary.chain((flows) =>
  fc.record({
    flows: fc.constant(flows),
    events: fc.array(dealEventArbitrary(flows), { minLength: 1, maxLength: 8 }),
  }),
);

const firedInPlan = (plan: ActionPlan): string[] =>
  [...plan.actions.map((action) => action.ruleName), ...plan.suppressed.map((entry) => entry.ruleName)].sort();

const firedInTrace = (plan: ActionPlan): string[] =>
  (plan.trace ?? [])
    .filter((rule) => rule.fired)
    .map((rule) => rule.ruleName)
    .sort();

describe('fast evaluator ≡ json-rules-engine', () => {
  it('fires exactly the rules json-rules-engine fires, on random flows and events', async () => {
    const seen = { events: 0, firing: 0, considered: 0, fired: 0, tested: 0, testedFired: 0 };
    const agree = async (flows: Flow[], events: DealEvent[]) => {
      for (const flow of flows) expect(checkFlow(flow).ok).toBe(true);
      // What the runtime stores and the CLI writes: the evaluator reads the rule set as parsed JSON too.
      const ruleSet = JSON.parse(serializeRuleSet(compileFlows(flows)));
      const evaluator = createEvaluator(ruleSet);
      for (const event of events) {
        const expected = await referenceFiredRules(ruleSet, event);
        const plan = evaluator.evaluate(event);
        const traced = evaluator.evaluate(event, { trace: true });
        expect(firedInPlan(plan)).toEqual(expected);
        expect(firedInTrace(traced)).toEqual(expected);
        expect({ ...traced, trace: undefined }).toEqual({ ...plan, trace: undefined });
        expect(checkActionPlan(traced).ok).toBe(true);
        seen.events++;
        seen.considered += plan.rulesConsidered;
        // Rules with conditions of their own beyond the three trigger comparisons.
        for (const rule of traced.trace ?? []) {
          const tested = 'children' in rule.conditions && rule.conditions.children.length > 3;
          if (tested) {
            seen.tested++;
            if (rule.fired) seen.testedFired++;
          }
        }
        seen.fired += expected.length;
        if (expected.length > 0) seen.firing++;
      }
    };
    await fc.assert(
      fc.asyncProperty(scenario, ({ flows, events }) => agree(flows, events)),
      { numRuns: 400 },
    );
    // The property is only as good as its cases: most events must meet rules, many must fire some.
    expect(seen.considered).toBeGreaterThan(seen.events);
    expect(seen.firing).toBeGreaterThan(seen.events / 5);
    expect(seen.fired).toBeLessThan(seen.considered);
    expect(seen.testedFired).toBeGreaterThan(seen.tested / 5);
    expect(seen.testedFired).toBeLessThan(seen.tested * 0.9);
  });
});
