// Runs a flow (usually the unsaved draft) on one event in the browser with the engine itself:
// compile, evaluate with the trace. Nothing is sent anywhere.
import { compileFlow } from '../../../../engine/compile/compile-flow.ts';
import { createEvaluator } from '../../../../engine/evaluate/create-evaluator.ts';
import type { ActionPlan, DealEvent, Flow, RuleSet } from '../../../../schemas/index.ts';

export type DraftRun = { ok: true; ruleSet: RuleSet; plan: ActionPlan } | { ok: false; reason: string };

/** A flow the compiler refuses (a cycle, an unbranched condition edge, …) is a reason, not a crash. */
export function runDraft(flow: Flow, event: DealEvent): DraftRun {
  try {
    const ruleSet = compileFlow(flow);
    const plan = createEvaluator(ruleSet).evaluate(event, { trace: true });
    return { ok: true, ruleSet, plan };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
