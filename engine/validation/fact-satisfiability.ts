// Can one fact value pass every test in a list (each possibly negated)? Decided by trying a finite
// set of witness values under the registry's exact json-rules-engine test functions. The set
// holds one value from every class of values the understood tests cannot tell apart, so "no
// witness passes" proves that no value passes. Tests we cannot reason about are dropped, which
// only ever makes a list easier to satisfy: the answer errs towards "possible", never "never".
import { isOperatorName, type OperatorName, operators } from '../operators/operators.ts';

export interface FactTest {
  operator: string;
  value: unknown;
  /** The test must fail (it sits under a `not`, or on a false branch). */
  negated: boolean;
}

type Scalar = string | number | boolean | null;
type Family = 'identity' | 'numeric' | 'membership';

// Called thousands of times per flow by the rule-conflict check: no array built per call.
const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function familyOf(operator: OperatorName, value: unknown): Family | undefined {
  switch (operator) {
    case 'equal':
    case 'notEqual':
      return isScalar(value) ? 'identity' : undefined;
    case 'in':
    case 'notIn':
      return Array.isArray(value) && value.every(isScalar) ? 'identity' : undefined;
    case 'exists':
      return 'identity';
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return typeof value === 'number' && Number.isFinite(value) ? 'numeric' : undefined;
    case 'contains':
    case 'doesNotContain':
      return isScalar(value) ? 'membership' : undefined;
  }
}

interface Understood extends FactTest {
  operator: OperatorName;
  family: Family;
}

function understood(tests: readonly FactTest[]): Understood[] {
  const known: Understood[] = [];
  for (const test of tests) {
    if (!isOperatorName(test.operator)) continue;
    const family = familyOf(test.operator, test.value);
    if (family) known.push({ operator: test.operator, value: test.value, negated: test.negated, family });
  }
  // A number-like array such as ["5"] passes numeric tests too. Rather than model arrays that are
  // both, numeric tests are dropped beside membership ones (on a list fact they are an error anyway).
  if (known.some((test) => test.family === 'membership')) return known.filter((test) => test.family !== 'numeric');
  return known;
}

/** Numbers on both sides of, between and (as a number-like array) at each numeric constant. */
function numericWitnesses(constants: readonly number[]): unknown[] {
  const sorted = [...new Set(constants)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const first = sorted[0] as number;
  const last = sorted[sorted.length - 1] as number;
  const witnesses: unknown[] = [first - Math.max(1, Math.abs(first)), last + Math.max(1, Math.abs(last))];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const low = sorted[index] as number;
    const high = sorted[index + 1] as number;
    const middle = low + (high - low) / 2;
    if (middle > low && middle < high) witnesses.push(middle);
  }
  // [c] compares as the number c but is identical to no constant: the "x = c, yet not equal c" class.
  for (const constant of sorted) witnesses.push([constant]);
  return witnesses;
}

function witnesses(tests: readonly Understood[]): unknown[] {
  const constants = new Set<Scalar>([null]);
  for (const test of tests) {
    if (Array.isArray(test.value)) for (const item of test.value as Scalar[]) constants.add(item);
    else if (isScalar(test.value)) constants.add(test.value);
  }
  let fresh = '\u0000';
  while (constants.has(fresh)) fresh += '\u0000';
  const numbers = [...constants].filter((constant): constant is number => typeof constant === 'number');
  // The smallest list that holds every element some test requires it to hold.
  const required = tests
    .filter((test) => (test.operator === 'contains') !== test.negated && test.family === 'membership')
    .map((test) => test.value);
  return [...constants, fresh, ...numericWitnesses(numbers), required];
}

export function canFactPassAll(tests: readonly FactTest[]): boolean {
  const known = understood(tests);
  if (known.length === 0) return true;
  return witnesses(known).some((witness) =>
    known.every((test) => operators[test.operator].test(witness, test.value) !== test.negated),
  );
}
