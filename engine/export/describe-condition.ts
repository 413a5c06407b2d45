// Condition trees in words for analysts, e.g. `amount > 50000 AND NOT (fields.region in [EU, UK])`.
// Reads compiled (json-rules-engine) conditions, so `notEqual null` is shown as the `exists` it came from.
import type { Comparison, Condition } from '../../schemas/index.ts';
import { isOperatorName, operators } from '../operators/operators.ts';

type Scalar = string | number | boolean | null;

/** A list element is shown bare ([EU, UK]) unless it could be misread as a number, keyword or separator. */
function describeListItem(item: Scalar): string {
  if (typeof item !== 'string') return String(item);
  const bare = /^[\p{L}\p{N}_.@:/-]+$/u.test(item) && !/^(true|false|null|-?[\d.]+([eE][-+]?\d+)?)$/.test(item);
  return bare ? item : JSON.stringify(item);
}

function describeValue(value: Comparison['value']): string {
  if (Array.isArray(value)) return `[${value.map(describeListItem).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return value === undefined ? '' : String(value);
}

function describeComparison(comparison: Comparison): string {
  if (comparison.operator === operators.exists.engineOperator && comparison.value === null) {
    return `${comparison.fact} ${operators.exists.phrase}`;
  }
  // A hand-written rule set may use an operator we do not know; its name is the best phrase we have.
  const phrase = isOperatorName(comparison.operator) ? operators[comparison.operator].phrase : comparison.operator;
  const value = describeValue(comparison.value);
  return value === '' ? `${comparison.fact} ${phrase}` : `${comparison.fact} ${phrase} ${value}`;
}

/** A member group of the other kind, with more than one member, needs parentheses to read right. */
function needsParentheses(member: Condition, joiner: 'AND' | 'OR'): boolean {
  if (joiner === 'AND') return 'any' in member && member.any.length > 1;
  return 'all' in member && member.all.length > 1;
}

function describeJoined(members: readonly Condition[], joiner: 'AND' | 'OR'): string {
  return members
    .map((member) => {
      const text = describeCondition(member);
      return needsParentheses(member, joiner) ? `(${text})` : text;
    })
    .join(` ${joiner} `);
}

export function describeCondition(condition: Condition): string {
  if ('all' in condition) return describeJoined(condition.all, 'AND');
  if ('any' in condition) return describeJoined(condition.any, 'OR');
  if ('not' in condition) return `NOT (${describeCondition(condition.not)})`;
  return describeComparison(condition);
}

/** The conjunction of several conditions in words; empty when there are none (the rule always fires). */
export function describeConditions(conditions: readonly Condition[]): string {
  if (conditions.length === 1) return describeCondition(conditions[0] as Condition);
  return describeJoined(conditions, 'AND');
}
