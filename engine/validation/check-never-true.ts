// Conditions that can never be true (an error: the node's true branch is dead) and actions that
// can never run after a trigger because every path to them is contradictory (a warning).
import type { Comparison, ConditionNode, Diagnostic } from '../../schemas/index.ts';
import type { RulePaths } from '../flow/rule-paths.ts';
import { locateComparisons } from './check-conditions.ts';
import { defaultWork, findContradiction, flowWork, type WorkBudget } from './condition-satisfiability.ts';
import { error, warning } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer, uniqueNodes } from './flow-under-check.ts';
import { describeComparison, listForMessage, nodeName } from './message-text.ts';
import { describePath, pathConditions } from './path-conditions.ts';

function conflictingTests(node: ConditionNode, facts: readonly string[]): string {
  const comparisons: Comparison[] = locateComparisons(node.data.conditions, '')
    .map((located) => located.comparison)
    .filter((comparison) => facts.includes(comparison.fact));
  return listForMessage(comparisons.map(describeComparison), 6);
}

/** Each check gets the default budget, but no more than what the flow has left. */
const shareOf = (flow: WorkBudget): WorkBudget => ({ remaining: Math.min(defaultWork, flow.remaining) });

function spend<T>(flow: WorkBudget, check: (budget: WorkBudget) => T): T {
  const budget = shareOf(flow);
  const before = budget.remaining;
  const result = check(budget);
  flow.remaining -= before - Math.max(0, budget.remaining);
  return result;
}

function checkConditionNode(subject: FlowUnderCheck, node: ConditionNode, work: WorkBudget): Diagnostic | undefined {
  const contradiction = spend(work, (budget) => findContradiction([node.data.conditions], budget));
  if (!contradiction) return undefined;
  const message =
    `Condition "${node.id}" can never be true: its tests on ${contradiction.facts.join(', ')} contradict each ` +
    `other (${conflictingTests(node, contradiction.facts)}), so its "true" branch never runs; correct the values.`;
  const pointer = nodePointer(subject, node.id, '/data/conditions');
  return error('CONDITION_NEVER_TRUE', message, { nodeId: node.id, pointer });
}

function checkRulePaths(subject: FlowUnderCheck, rule: RulePaths, work: WorkBudget): Diagnostic | undefined {
  // A capped path list may miss the one path that can be true.
  if (rule.paths.length === 0 || rule.truncated) return undefined;
  const contradictions: Array<ReturnType<typeof findContradiction>> = [];
  for (const path of rule.paths) {
    const found = spend(work, (budget) => findContradiction(pathConditions(subject.graph, path), budget));
    if (found === undefined) return undefined;
    contradictions.push(found);
  }
  const first = rule.paths[0] ?? [];
  const facts = [...new Set(contradictions.flatMap((contradiction) => contradiction?.facts ?? []))];
  const conditionIds = [...new Set(rule.paths.flat().map((step) => step.conditionNodeId))];
  const message =
    `${nodeName(rule.action)} can never run after trigger "${rule.trigger.id}": ` +
    `every path to it requires tests on ${facts.join(', ')} that contradict each other ` +
    `(e.g. ${describePath(first)}). Reconnect it to the branch you meant, or correct the conditions.`;
  return warning('PATH_NEVER_TRUE', message, {
    nodeId: rule.action.id,
    pointer: nodePointer(subject, rule.action.id),
    relatedNodeIds: [rule.trigger.id, ...conditionIds],
  });
}

export function checkNeverTrue(subject: FlowUnderCheck): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Shared by every check of the flow, so that 5,000 large conditions stay within about a second.
  const work: WorkBudget = { remaining: flowWork };
  for (const node of uniqueNodes(subject)) {
    const found = node.type === 'condition' ? checkConditionNode(subject, node, work) : undefined;
    if (found) diagnostics.push(found);
  }
  for (const rule of subject.rulePaths) {
    const found = checkRulePaths(subject, rule, work);
    if (found) diagnostics.push(found);
  }
  return diagnostics;
}
