// VALUE_TYPE_MISMATCH: what a comparison's value must look like, from the operator's value shape
// and the fact's type (operators[op].value).
import type { FactType } from '../facts/fact-catalogue.ts';
import type { ValueShape } from '../operators/operators.ts';

type ScalarFactType = Exclude<FactType, 'list'>;

const singular: Record<ScalarFactType, string> = { number: 'a number', string: 'a string', boolean: 'true or false' };
const plural: Record<ScalarFactType, string> = {
  number: 'a list of numbers, e.g. [12, 24]',
  string: 'a list of strings, e.g. ["EU", "UK"]',
  boolean: 'a list of true/false values',
};

const isOfType = (value: unknown, type: FactType): boolean =>
  type === 'list' ? Array.isArray(value) : typeof value === type;

/** What the value should be, in words; undefined when the value fits. */
export function expectedValue(shape: ValueShape, factType: FactType, value: unknown): string | undefined {
  const scalarType: ScalarFactType = factType === 'list' ? 'string' : factType;
  switch (shape) {
    case 'sameAsFact':
      return isOfType(value, scalarType) ? undefined : singular[scalarType];
    case 'listOfFactType':
      return Array.isArray(value) && value.every((item) => isOfType(item, scalarType)) ? undefined : plural[scalarType];
    case 'listElement':
      return typeof value === 'string' ? undefined : 'a string (the list element to look for)';
    case 'number':
      return typeof value === 'number' ? undefined : 'a number';
    case 'none':
      return value === undefined ? undefined : 'no value';
  }
}

/** A hint for the usual slips: a number or boolean typed in quotes, a value where none is taken. */
export function quotingHint(expected: string, value: unknown): string {
  if (expected === 'no value') return ' Remove "value".';
  if (typeof value !== 'string') return '';
  const trimmed = value.trim();
  if (expected.startsWith('a number') && trimmed !== '' && Number.isFinite(Number(trimmed))) {
    return ` Write ${Number(trimmed)} without quotes.`;
  }
  if (expected === 'true or false' && (trimmed === 'true' || trimmed === 'false')) {
    return ` Write ${trimmed} without quotes.`;
  }
  return '';
}
