// A rule reached by more than maxPathsPerRule paths cannot be compiled faithfully (the paths past
// the limit would be dropped and the rule would miss deals it should match), so it is an error;
// so is a flow whose rules would copy more than maxCompiledSize condition nodes.
import type { Diagnostic } from '../../schemas/index.ts';
import { maxCompiledSize, maxPathsPerRule } from '../flow/rule-paths.ts';
import { error } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer } from './flow-under-check.ts';

function checkSize(subject: FlowUnderCheck): Diagnostic[] {
  if (subject.compiledSize <= maxCompiledSize) return [];
  const message =
    `The flow would compile to more than ${maxCompiledSize.toLocaleString('en')} condition tests (every path ` +
    'repeats the conditions it passes, for every action it reaches); split it into several flows, or put the ' +
    'shared conditions after fewer branches.';
  return [error('FLOW_TOO_LARGE', message, { pointer: '/nodes' })];
}

// A ladder in front of a fan-out makes every action one: the first ones show what to fix.
export const maxPathFindings = 50;

function summary(omitted: number): Diagnostic {
  const message =
    `${omitted} more actions are reached by more than ${maxPathsPerRule} different paths through conditions ` +
    `(only the first ${maxPathFindings} are listed); merge conditions into fewer nodes.`;
  return error('FLOW_TOO_MANY_PATHS', message, { pointer: '/nodes' });
}

export function checkPathLimit(subject: FlowUnderCheck): Diagnostic[] {
  const truncated = subject.rulePaths.filter((rule) => rule.truncated);
  const tooMany = truncated.slice(0, maxPathFindings).map((rule) => ({
    code: 'FLOW_TOO_MANY_PATHS' as const,
    severity: 'error' as const,
    nodeId: rule.action.id,
    pointer: nodePointer(subject, rule.action.id),
    relatedNodeIds: rule.triggers.map((trigger) => trigger.id),
    message: `"${rule.action.id}" is reached from "${rule.trigger.id}" by more than ${maxPathsPerRule} different paths through conditions (the limit); merge conditions into fewer nodes (use any/all inside one condition) so the rule stays explainable.`,
  }));
  const omitted = truncated.length - tooMany.length;
  return [...checkSize(subject), ...tooMany, ...(omitted > 0 ? [summary(omitted)] : [])];
}
