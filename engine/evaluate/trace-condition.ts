// Full evaluation of a condition tree for the trace: every comparison is evaluated and reported,
// with no short-circuit, so an admin sees why each branch held or not.
import type { ConditionTrace } from '../../schemas/index.ts';
import type { Facts } from '../facts/to-facts.ts';
import type { CheckedCondition } from './check-condition.ts';

export function traceCondition(condition: CheckedCondition, facts: Facts): ConditionTrace {
  switch (condition.kind) {
    case 'comparison': {
      const factValue = facts[condition.fact];
      return {
        fact: condition.fact,
        operator: condition.operator,
        // Copied: the plan is the caller's to keep or change, the rule's list is ours.
        value: Array.isArray(condition.value) ? [...condition.value] : condition.value,
        factValue: factValue ?? null,
        result: condition.test(factValue, condition.value),
      };
    }
    case 'not': {
      const child = traceCondition(condition.child, facts);
      return { group: 'not', result: !child.result, children: [child] };
    }
    case 'all': {
      const children = condition.children.map((child) => traceCondition(child, facts));
      return { group: 'all', result: children.every((child) => child.result), children };
    }
    case 'any': {
      const children = condition.children.map((child) => traceCondition(child, facts));
      return { group: 'any', result: children.some((child) => child.result), children };
    }
  }
}
