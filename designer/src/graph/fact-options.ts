// What the condition form offers, read from the engine: the facts of the pipeline (built-in and
// custom fields, with their types), the operators valid for a fact's type, and the value input
// each operator takes. Nothing here lists facts or operators of its own.
import { type FactInfo, type FactType, listFacts, resolveFact } from '../../../engine/facts/fact-catalogue.ts';
import { type OperatorName, operators } from '../../../engine/operators/operators.ts';
import { expectedValue } from '../../../engine/validation/value-shape.ts';
import type { Comparison, DealEvent, Pipeline, Scalar } from '../../../schemas/types.generated.ts';

export type ValueInputKind = 'number' | 'text' | 'boolean' | 'numberList' | 'textList' | 'booleanList' | 'none';

/** The pipeline's facts; with an event type, only those meaningful for it. */
export function factsFor(pipeline: Pipeline, eventType?: DealEvent['type']): FactInfo[] {
  return listFacts(pipeline).filter(
    (fact) => !fact.onlyFor || eventType === undefined || fact.onlyFor.includes(eventType),
  );
}

export function operatorsFor(factType: FactType | undefined): OperatorName[] {
  const names = Object.keys(operators) as OperatorName[];
  return factType === undefined ? names : names.filter((name) => operators[name].appliesTo.includes(factType));
}

export function valueInputKind(operator: string, factType: FactType | undefined): ValueInputKind {
  const spec = (operators as Record<string, (typeof operators)[OperatorName] | undefined>)[operator];
  if (!spec) return 'text';
  const scalar = factType === 'list' || factType === undefined ? 'string' : factType;
  switch (spec.value) {
    case 'none':
      return 'none';
    case 'number':
      return 'number';
    case 'listElement':
      return 'text';
    case 'listOfFactType':
      return scalar === 'number' ? 'numberList' : scalar === 'boolean' ? 'booleanList' : 'textList';
    case 'sameAsFact':
      return scalar === 'number' ? 'number' : scalar === 'boolean' ? 'boolean' : 'text';
  }
}

export function defaultValueFor(kind: ValueInputKind): Scalar | Scalar[] | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'text':
      return '';
    case 'numberList':
    case 'textList':
    case 'booleanList':
      return [];
  }
}

function withValue(comparison: Comparison, value: Scalar | Scalar[] | undefined): Comparison {
  const { value: _old, ...rest } = comparison;
  return value === undefined ? rest : { ...rest, value };
}

/**
 * The comparison after choosing another fact or operator: the operator falls back to the first one
 * valid for the fact, and a value that no longer fits is reset to the input's empty value.
 */
export function reshapeComparison(comparison: Comparison, pipeline: Pipeline): Comparison {
  const fact = resolveFact(comparison.fact, pipeline);
  const valid = operatorsFor(fact?.type);
  const operator = valid.includes(comparison.operator as OperatorName) ? comparison.operator : (valid[0] ?? 'equal');
  const next = { ...comparison, operator };
  const spec = operators[operator as OperatorName];
  if (!fact || !spec) return next;
  const fits = expectedValue(spec.value, fact.type, next.value) === undefined;
  return fits ? next : withValue(next, defaultValueFor(valueInputKind(operator, fact.type)));
}

/** Reads what the user typed into the value's type (lists are comma separated). */
export function parseValueInput(kind: ValueInputKind, text: string): Scalar | Scalar[] | undefined {
  const item = (raw: string, as: 'number' | 'text' | 'boolean'): Scalar => {
    const trimmed = raw.trim();
    if (as === 'number') return trimmed === '' || !Number.isFinite(Number(trimmed)) ? trimmed : Number(trimmed);
    if (as === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    return raw;
  };
  const list = (as: 'number' | 'text' | 'boolean') =>
    text.trim() === '' ? [] : text.split(',').map((part) => item(as === 'text' ? part.trim() : part, as));
  switch (kind) {
    case 'none':
      return undefined;
    case 'number':
      return item(text, 'number');
    case 'boolean':
      return item(text, 'boolean');
    case 'text':
      return text;
    case 'numberList':
      return list('number');
    case 'booleanList':
      return list('boolean');
    case 'textList':
      return list('text');
  }
}

export function formatValueInput(value: Comparison['value']): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => String(item)).join(', ');
  return String(value);
}

export { withValue };
