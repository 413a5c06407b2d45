// How many nodes (groups and comparisons) a condition tree holds: what compiling a path step
// copies into a rule. Iterative, so a tree that skipped validation cannot exhaust the stack.
import type { Condition } from '../../schemas/index.ts';

export function conditionSize(root: Condition): number {
  let size = 0;
  const pending: Condition[] = [root];
  while (pending.length > 0) {
    const condition = pending.pop() as Condition;
    size++;
    if ('all' in condition && Array.isArray(condition.all)) pending.push(...condition.all);
    else if ('any' in condition && Array.isArray(condition.any)) pending.push(...condition.any);
    else if ('not' in condition && condition.not) pending.push(condition.not);
  }
  return size;
}
