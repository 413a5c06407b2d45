// Fired rules (in bucket order) → the action plan: one document per type and one stage move
// (first fired wins, the others are reported as suppressed); every webhook runs.
import type {
  ActionPlan,
  DealEvent,
  PlannedAction,
  PlanWarning,
  RuleTrace,
  SuppressedRule,
} from '../../schemas/index.ts';
import type { BucketRule } from './compile-bucket.ts';
import { planAction } from './plan-action.ts';

export interface PlanScope {
  bucket: string;
  rulesConsidered: number;
  /** How many exclusive slots the bucket's rules use (see BucketRule.exclusiveSlot). */
  exclusiveCount: number;
}

export function buildPlan(
  event: DealEvent,
  scope: PlanScope,
  fired: readonly BucketRule[],
  trace?: RuleTrace[],
): ActionPlan {
  const actions: PlannedAction[] = [];
  const suppressed: SuppressedRule[] = [];
  const warnings: PlanWarning[] = [];
  const winners: Array<BucketRule | undefined> = new Array(scope.exclusiveCount);
  // A rule set compiled before one action of a bucket became one rule may hold two rules for one
  // action node: it is planned once, and never listed as suppressed by itself. (Compared with
  // the winner of the rule's slot; a set is made only when a webhook fires.)
  let webhooks: Set<string> | undefined;
  for (const rule of fired) {
    const slot = rule.exclusiveSlot;
    if (slot >= 0) {
      const winner = winners[slot];
      if (winner !== undefined) {
        if (winner.originKey === rule.originKey) continue;
        const documentType = rule.action.exclusive?.reportedAs as string;
        suppressed.push({ ruleName: rule.name, documentType, wonBy: winner.name });
        continue;
      }
      winners[slot] = rule;
    } else {
      if (webhooks?.has(rule.originKey)) continue;
      webhooks ??= new Set();
      webhooks.add(rule.originKey);
    }
    actions.push(planAction(rule.action, event.deal, warnings));
  }
  const plan: ActionPlan = {
    eventId: event.eventId,
    pipelineId: event.pipelineId,
    bucket: scope.bucket,
    rulesConsidered: scope.rulesConsidered,
    actions,
    suppressed,
    warnings,
  };
  if (trace) plan.trace = trace;
  return plan;
}
