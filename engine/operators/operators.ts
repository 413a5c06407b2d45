// The operators of the flow language. Each one evaluates exactly as json-rules-engine's does
// (same fact-value guard, same JavaScript comparison), so the compiled evaluator and the
// reference engine agree. Pinned on purpose: greaterThan accepts the string "20000", because
// json-rules-engine's number guard is parseFloat, and JavaScript then compares "20000" > 15000.
import type { FactType } from '../facts/fact-catalogue.ts';

export type OperatorName =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain'
  | 'exists';

/** What the condition's value must be, relative to the fact's type. */
export type ValueShape = 'sameAsFact' | 'listOfFactType' | 'listElement' | 'number' | 'none';

export interface OperatorSpec {
  /** The json-rules-engine operator this compiles to, and the value it is given. */
  engineOperator: string;
  engineValue?: (value: unknown) => unknown;
  appliesTo: readonly FactType[];
  value: ValueShape;
  /** Reads as: "<fact> <phrase> <value>" in exports and traces. */
  phrase: string;
  test: (factValue: unknown, value: unknown) => boolean;
}

type Comparable = string | number;
const isNumberLike = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== 'NaN';
const indexOf = (list: unknown, item: unknown): number => (list as { indexOf(x: unknown): number }).indexOf(item);

export const operators: Record<OperatorName, OperatorSpec> = {
  equal: {
    engineOperator: 'equal',
    appliesTo: ['number', 'string', 'boolean'],
    value: 'sameAsFact',
    phrase: '=',
    test: (a, b) => a === b,
  },
  notEqual: {
    engineOperator: 'notEqual',
    appliesTo: ['number', 'string', 'boolean'],
    value: 'sameAsFact',
    phrase: '≠',
    test: (a, b) => a !== b,
  },
  lessThan: {
    engineOperator: 'lessThan',
    appliesTo: ['number'],
    value: 'number',
    phrase: '<',
    test: (a, b) => isNumberLike(a) && (a as Comparable) < (b as Comparable),
  },
  lessThanInclusive: {
    engineOperator: 'lessThanInclusive',
    appliesTo: ['number'],
    value: 'number',
    phrase: '≤',
    test: (a, b) => isNumberLike(a) && (a as Comparable) <= (b as Comparable),
  },
  greaterThan: {
    engineOperator: 'greaterThan',
    appliesTo: ['number'],
    value: 'number',
    phrase: '>',
    test: (a, b) => isNumberLike(a) && (a as Comparable) > (b as Comparable),
  },
  greaterThanInclusive: {
    engineOperator: 'greaterThanInclusive',
    appliesTo: ['number'],
    value: 'number',
    phrase: '≥',
    test: (a, b) => isNumberLike(a) && (a as Comparable) >= (b as Comparable),
  },
  in: {
    engineOperator: 'in',
    appliesTo: ['number', 'string', 'boolean'],
    value: 'listOfFactType',
    phrase: 'in',
    test: (a, b) => indexOf(b, a) > -1,
  },
  notIn: {
    engineOperator: 'notIn',
    appliesTo: ['number', 'string', 'boolean'],
    value: 'listOfFactType',
    phrase: 'not in',
    test: (a, b) => indexOf(b, a) === -1,
  },
  contains: {
    engineOperator: 'contains',
    appliesTo: ['list'],
    value: 'listElement',
    phrase: 'contains',
    test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  },
  doesNotContain: {
    engineOperator: 'doesNotContain',
    appliesTo: ['list'],
    value: 'listElement',
    phrase: 'does not contain',
    test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  },
  exists: {
    // toFacts turns every absent fact into null, so "exists" is json-rules-engine's notEqual null.
    engineOperator: 'notEqual',
    engineValue: () => null,
    appliesTo: ['number', 'string', 'boolean', 'list'],
    value: 'none',
    phrase: 'exists',
    test: (a) => a !== null,
  },
};

export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(operators, name);
}

/** Reference semantics for the json-rules-engine operator names found in compiled rule sets. */
export const engineOperatorTests: Record<string, (factValue: unknown, value: unknown) => boolean> = {
  equal: operators.equal.test,
  notEqual: operators.notEqual.test,
  lessThan: operators.lessThan.test,
  lessThanInclusive: operators.lessThanInclusive.test,
  greaterThan: operators.greaterThan.test,
  greaterThanInclusive: operators.greaterThanInclusive.test,
  in: operators.in.test,
  notIn: operators.notIn.test,
  contains: operators.contains.test,
  doesNotContain: operators.doesNotContain.test,
};
