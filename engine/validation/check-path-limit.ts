// A rule reached by more than maxPathsPerRule paths cannot be compiled faithfully (the paths past
// the limit would be dropped and the rule would miss deals it should match), so it is an error.
import type { Diagnostic } from '../../schemas/index.ts';
import { maxPathsPerRule } from '../flow/flow-graph.ts';
import { type FlowUnderCheck, nodePointer } from './flow-under-check.ts';

export function checkPathLimit(subject: FlowUnderCheck): Diagnostic[] {
  return subject.rulePaths
    .filter((rule) => rule.truncated)
    .map((rule) => ({
      code: 'FLOW_TOO_MANY_PATHS' as const,
      severity: 'error' as const,
      nodeId: rule.action.id,
      pointer: nodePointer(subject, rule.action.id),
      relatedNodeIds: [rule.trigger.id],
      message: `"${rule.action.id}" is reached from "${rule.trigger.id}" by more than ${maxPathsPerRule} different paths through conditions; merge conditions into fewer nodes (use any/all inside one condition) so the rule stays explainable.`,
    }));
}
