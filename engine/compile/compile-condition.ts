// Flow conditions → json-rules-engine conditions: operators of the flow language that
// json-rules-engine lacks (exists) become built-in ones over the toFacts projection.
import type { Comparison, Condition, ConditionGroup } from '../../schemas/index.ts';
import { isOperatorName, operators } from '../operators/operators.ts';

export class UncompilableFlowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UncompilableFlowError';
  }
}

function compileComparison(comparison: Comparison): Comparison {
  if (!isOperatorName(comparison.operator)) {
    throw new UncompilableFlowError(`unknown operator "${comparison.operator}" on fact "${comparison.fact}"`);
  }
  const spec = operators[comparison.operator];
  const value = spec.engineValue ? spec.engineValue(comparison.value) : comparison.value;
  return { fact: comparison.fact, operator: spec.engineOperator, value: value as Comparison['value'] };
}

export function compileCondition(condition: Condition): Condition {
  if ('all' in condition) return { all: condition.all.map(compileCondition) };
  if ('any' in condition) return { any: condition.any.map(compileCondition) };
  if ('not' in condition) return { not: compileCondition(condition.not) };
  return compileComparison(condition);
}

export function compileGroup(group: ConditionGroup): ConditionGroup {
  return compileCondition(group) as ConditionGroup;
}

/** Every fact a condition tree reads, into `into`. */
export function collectFacts(condition: Condition, into: Set<string>): void {
  if ('all' in condition) for (const child of condition.all) collectFacts(child, into);
  else if ('any' in condition) for (const child of condition.any) collectFacts(child, into);
  else if ('not' in condition) collectFacts(condition.not, into);
  else into.add(condition.fact);
}
