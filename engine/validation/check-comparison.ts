// One comparison against the fact catalogue and the operator registry: is the fact known here,
// is the operator known and meant for that fact's type, and does the value have the right shape.
import type { Comparison, Diagnostic, FlowNode, Pipeline } from '../../schemas/index.ts';
import { type FactInfo, listFacts, resolveFact, triggerFacts } from '../facts/fact-catalogue.ts';
import { triggerOf } from '../flow/node-kinds.ts';
import { isOperatorName, type OperatorName, operators } from '../operators/operators.ts';
import { error, type Place } from './diagnostic.ts';
import { describeTypedValue, didYouMean, joinWords, listForMessage, nodeName } from './message-text.ts';
import { expectedValue, quotingHint } from './value-shape.ts';

export interface ComparisonSite {
  comparison: Comparison;
  place: Place;
  pipeline: Pipeline;
  /** The triggers this condition runs after. */
  triggers: readonly FlowNode[];
}

const operatorNames = Object.keys(operators) as OperatorName[];
const operatorsFor = (type: FactInfo['type']): string[] =>
  operatorNames.filter((name) => operators[name].appliesTo.includes(type));

function unknownFact({ comparison, pipeline }: ComparisonSite): string {
  const fact = comparison.fact;
  if ((triggerFacts as readonly string[]).includes(fact)) {
    return `Fact "${fact}" is set by the flow's trigger and every rule of the flow already tests it; remove this test.`;
  }
  const known = listFacts(pipeline).map((info) => info.name);
  if (fact.startsWith('fields.')) {
    const declared = known.filter((name) => name.startsWith('fields.'));
    const list = declared.length > 0 ? `declared fields: ${listForMessage(declared)}` : 'it declares no custom fields';
    return (
      `Custom field "${fact}" is not declared in pipeline ${pipeline.id} (${list}).${didYouMean(fact, declared)} ` +
      "Declare it in the pipeline's fields or test a declared one."
    );
  }
  return (
    `Fact "${fact}" is not a fact a condition can test (facts: ${listForMessage(known)}).` +
    `${didYouMean(fact, known)} Use one of these, or fields.<name> for a custom field.`
  );
}

/** A fact only some event types carry (documentType) is always empty after the other triggers. */
function factOutOfContext(site: ComparisonSite, fact: FactInfo): string | undefined {
  const onlyFor = fact.onlyFor;
  if (!onlyFor) return undefined;
  const wrong = site.triggers.filter((trigger) => {
    const eventType = triggerOf(trigger)?.eventType;
    return eventType !== undefined && !onlyFor.includes(eventType);
  });
  if (wrong.length === 0) return undefined;
  const names = joinWords(wrong.map(nodeName));
  return (
    `Fact "${fact.name}" is only set for ${onlyFor.join(' and ')} events, but this condition runs after ` +
    `trigger ${names}, where it is always empty; ` +
    'test it only after a "Document completed" or "Document declined" trigger.'
  );
}

function operatorMismatch(operator: OperatorName, fact: FactInfo): string {
  const usable = listForMessage(operatorsFor(fact.type), 12);
  const intro = `Operator "${operator}" does not apply to fact "${fact.name}", a ${fact.type}`;
  if (operator === 'contains' || operator === 'doesNotContain') {
    return (
      `${intro}: contains and doesNotContain test list facts such as contacts.role, and in json-rules-engine ` +
      `they never match text or numbers. For "${fact.name}" use one of: ${usable}.`
    );
  }
  const listHint = fact.type === 'list' ? ' To test whether the list holds a value, use contains.' : '';
  return `${intro}; operators for ${fact.type} facts: ${usable}.${listHint}`;
}

function valueMismatch(comparison: Comparison, operator: OperatorName, fact: FactInfo): string | undefined {
  const expected = expectedValue(operators[operator].value, fact.type, comparison.value);
  if (expected === undefined) return undefined;
  return (
    `Comparing "${fact.name}" (a ${fact.type}) with ${operator} takes ${expected} as the value; ` +
    `got ${describeTypedValue(comparison.value)}.${quotingHint(expected, comparison.value)}`
  );
}

export function checkComparison(site: ComparisonSite): Diagnostic[] {
  const { comparison, place } = site;
  const fact = resolveFact(comparison.fact, site.pipeline);
  const diagnostics: Diagnostic[] = [];
  if (!fact) diagnostics.push(error('FACT_UNKNOWN', unknownFact(site), place));
  const operator = comparison.operator;
  if (!isOperatorName(operator)) {
    const message =
      `Operator "${operator}" is not an operator of the flow language.${didYouMean(operator, operatorNames)} ` +
      `Operators: ${listForMessage(operatorNames, 12)}.`;
    diagnostics.push(error('OPERATOR_UNKNOWN', message, place));
    return diagnostics;
  }
  if (!fact) return diagnostics;
  const outOfContext = factOutOfContext(site, fact);
  if (outOfContext) return [error('FACT_UNKNOWN', outOfContext, place)];
  if (!operators[operator].appliesTo.includes(fact.type)) {
    return [error('OPERATOR_NOT_FOR_FACT', operatorMismatch(operator, fact), place)];
  }
  const mismatch = valueMismatch(comparison, operator, fact);
  return mismatch ? [error('VALUE_TYPE_MISMATCH', mismatch, place)] : [];
}
