// Reads a json-rules-engine condition tree into a checked form that the predicate compiler and
// the tracer share. Anything json-rules-engine would read differently (fact references in
// values, JSONPath, condition references, decorated operators) is rejected rather than guessed.
import { engineOperatorTests } from '../operators/operators.ts';
import { RuleSetError } from './rule-set-error.ts';

export type OperatorTest = (factValue: unknown, value: unknown) => boolean;

export type CheckedCondition =
  | { kind: 'all' | 'any'; children: CheckedCondition[] }
  | { kind: 'not'; child: CheckedCondition }
  | { kind: 'comparison'; fact: string; operator: string; value: unknown; test: OperatorTest };

const comparisonKeys = new Set(['fact', 'operator', 'value']);
const listOperators = new Set(['in', 'notIn']);

function checkComparison(node: Record<string, unknown>, where: string, facts: ReadonlySet<string>): CheckedCondition {
  const unsupported = Object.keys(node).filter((key) => !comparisonKeys.has(key));
  if (unsupported.length > 0) throw new RuleSetError(`${where}: unsupported condition property "${unsupported[0]}"`);
  const { fact, operator, value } = node;
  if (typeof fact !== 'string') throw new RuleSetError(`${where}: a comparison needs a "fact" name`);
  if (typeof operator !== 'string' || !Object.hasOwn(engineOperatorTests, operator)) {
    throw new RuleSetError(`${where}: unknown operator "${String(operator)}" on fact "${fact}"`);
  }
  // json-rules-engine refuses a comparison without "value" (exists compiles to notEqual null).
  if (!('value' in node)) throw new RuleSetError(`${where}: comparison on "${fact}" has no value`);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    throw new RuleSetError(`${where}: the value of "${fact}" must be a scalar or a list, not an object`);
  }
  if (listOperators.has(operator) && !Array.isArray(value)) {
    throw new RuleSetError(`${where}: operator "${operator}" on "${fact}" needs a list value`);
  }
  if (!facts.has(fact)) {
    throw new RuleSetError(`${where}: reads fact "${fact}", which the rule set's "facts" does not list`);
  }
  // A copy of lists: later edits to the caller's rule set must not reach the evaluator.
  const own = Array.isArray(value) ? [...value] : value;
  return { kind: 'comparison', fact, operator, value: own, test: engineOperatorTests[operator] as OperatorTest };
}

function checkGroup(list: unknown, kind: 'all' | 'any', where: string, facts: ReadonlySet<string>): CheckedCondition {
  // json-rules-engine treats an empty group as true, even "any": too surprising to accept silently.
  if (!Array.isArray(list) || list.length === 0) throw new RuleSetError(`${where}: "${kind}" needs a non-empty list`);
  return { kind, children: list.map((child, at) => checkCondition(child, `${where}.${kind}[${at}]`, facts)) };
}

/** `where` names the rule in error messages; `facts` are the facts the rule set provides. */
export function checkCondition(condition: unknown, where: string, facts: ReadonlySet<string>): CheckedCondition {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) {
    throw new RuleSetError(`${where}: a condition must be an object`);
  }
  const node = condition as Record<string, unknown>;
  const groupKeys = ['any', 'all', 'not'].filter((key) => Object.hasOwn(node, key));
  if (groupKeys.length > 1 || (groupKeys.length === 1 && Object.keys(node).length > 1)) {
    throw new RuleSetError(`${where}: a group must hold exactly one of all, any, not`);
  }
  const kind = groupKeys[0];
  if (kind === 'any' || kind === 'all') return checkGroup(node[kind], kind, where, facts);
  if (kind === 'not') {
    if (Array.isArray(node.not)) throw new RuleSetError(`${where}: "not" takes one condition, not a list`);
    return { kind: 'not', child: checkCondition(node.not, `${where}.not`, facts) };
  }
  return checkComparison(node, where, facts);
}

/** Every fact a checked condition reads, into `into`. */
export function factsRead(condition: CheckedCondition, into: Set<string>): void {
  if (condition.kind === 'comparison') into.add(condition.fact);
  else if (condition.kind === 'not') factsRead(condition.child, into);
  else for (const child of condition.children) factsRead(child, into);
}
