// json-rules-engine shares engine.status between concurrent run()s, so with two priority levels one
// run can skip another's rules. The evaluator shares nothing: interleaved evaluations must give
// exactly what sequential ones give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFlows } from '../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { DealEvent } from '../../schemas/index.ts';
import { dealEventArbitrary } from '../support/deal-event-arbitraries.ts';
import { flowArbitrary } from '../support/flow-arbitraries.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('concurrent evaluations', () => {
  it('give each event the plan it gets alone, with and without trace', async () => {
    const flows = fc
      .sample(flowArbitrary('flow-a'), { numRuns: 1, seed: 7 })
      .concat(fc.sample(flowArbitrary('flow-b'), { numRuns: 1, seed: 11 }));
    const ruleSet = compileFlows(flows);
    const evaluator = createEvaluator(ruleSet);
    const events: DealEvent[] = fc.sample(dealEventArbitrary(flows), { numRuns: 400, seed: 3 });
    // Snapshots taken at once: a plan that a later evaluation mutated would no longer match.
    const sequential = events.map((event, at) => structuredClone(evaluator.evaluate(event, { trace: at % 2 === 0 })));
    expect(sequential.some((plan) => plan.actions.length > 0)).toBe(true);

    const concurrent = await Promise.all(
      events.map(async (event, at) => {
        // Interleave: every evaluation yields to the others before and after it runs.
        for (let wait = at % 3; wait >= 0; wait--) await tick();
        const plan = evaluator.evaluate(event, { trace: at % 2 === 0 });
        await tick();
        return plan;
      }),
    );
    expect(concurrent).toEqual(sequential);
  });
});
