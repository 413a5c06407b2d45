// The conditions a trigger→action path imposes: each condition node it passes, as is on its true
// branch and negated on its false branch (what the compiler puts into the rule).
import type { Condition, ConditionNode } from '../../schemas/index.ts';
import type { FlowGraph } from '../flow/flow-graph.ts';
import type { PathStep } from '../flow/rule-paths.ts';

export function pathConditions(graph: FlowGraph, path: readonly PathStep[]): Condition[] {
  return path.map((step) => {
    const node = graph.nodes.get(step.conditionNodeId) as ConditionNode;
    return step.branch === 'true' ? node.data.conditions : { not: node.data.conditions };
  });
}

/** `"is-large" (false) → "is-huge" (true)`, or `no conditions`. */
export function describePath(path: readonly PathStep[]): string {
  if (path.length === 0) return 'no conditions';
  return path.map((step) => `"${step.conditionNodeId}" (${step.branch})`).join(' → ');
}
