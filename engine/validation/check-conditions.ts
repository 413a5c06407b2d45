// Every comparison of every condition node, found recursively through all / any / not, checked
// with a JSON pointer to the comparison itself so the designer can point at the offending row.
import type { Comparison, Condition, Diagnostic } from '../../schemas/index.ts';
import { checkComparison } from './check-comparison.ts';
import { type FlowUnderCheck, nodePointer, uniqueNodes } from './flow-under-check.ts';

export interface LocatedComparison {
  comparison: Comparison;
  pointer: string;
}

/** The comparisons of a condition tree in document order, each with its JSON pointer. */
export function locateComparisons(condition: Condition, pointer: string): LocatedComparison[] {
  if ('all' in condition)
    return condition.all.flatMap((child, index) => locateComparisons(child, `${pointer}/all/${index}`));
  if ('any' in condition)
    return condition.any.flatMap((child, index) => locateComparisons(child, `${pointer}/any/${index}`));
  if ('not' in condition) return locateComparisons(condition.not, `${pointer}/not`);
  return [{ comparison: condition, pointer }];
}

export function checkConditions(subject: FlowUnderCheck): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of uniqueNodes(subject)) {
    if (node.type !== 'condition') continue;
    const triggers = subject.triggersReaching.get(node.id) ?? [];
    const root = nodePointer(subject, node.id, '/data/conditions');
    for (const { comparison, pointer } of locateComparisons(node.data.conditions, root)) {
      const place = { nodeId: node.id, pointer };
      diagnostics.push(...checkComparison({ comparison, place, pipeline: subject.flow.pipeline, triggers }));
    }
  }
  return diagnostics;
}
