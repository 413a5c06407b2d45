// Random condition trees of the flow language over the facts of a pipeline: every operator, the
// right value shapes mostly, and type-confused values (numeric strings, null, booleans) often.
import fc from 'fast-check';
import { type FactInfo, type FactType, listFacts } from '../../engine/facts/fact-catalogue.ts';
import { type OperatorName, operators, type ValueShape } from '../../engine/operators/operators.ts';
import type { Comparison, ConditionGroup, Pipeline, Scalar } from '../../schemas/index.ts';
import { contactEmails, contactNames, contactRoles, numbers, numericStrings, strings } from './scenario-pools.ts';

const confused: fc.Arbitrary<Scalar> = fc.constantFrom<Scalar>(null, true, false, ...numericStrings, ...numbers);

const wellTyped: Record<FactType, fc.Arbitrary<Scalar>> = {
  number: fc.constantFrom<Scalar>(...numbers),
  string: fc.constantFrom<Scalar>(...strings),
  boolean: fc.boolean(),
  list: fc.constantFrom<Scalar>(...contactRoles, ...contactNames, ...contactEmails),
};

/** A scalar of the fact's type three times in four, a type-confused one otherwise. */
const scalarFor = (type: FactType): fc.Arbitrary<Scalar> =>
  fc.oneof({ weight: 3, arbitrary: wellTyped[type] }, { weight: 1, arbitrary: confused });

function valueFor(shape: ValueShape, type: FactType): fc.Arbitrary<Comparison['value'] | undefined> {
  switch (shape) {
    case 'none':
      return fc.constant(undefined);
    case 'listOfFactType':
      return fc.array(scalarFor(type), { minLength: 1, maxLength: 4 });
    case 'number':
      return scalarFor('number');
    default:
      return scalarFor(type);
  }
}

const operatorNames = Object.keys(operators) as OperatorName[];

/** Operators meant for the fact's type mostly; any operator sometimes (json-rules-engine allows it). */
function operatorFor(fact: FactInfo): fc.Arbitrary<OperatorName> {
  const fitting = operatorNames.filter((name) => operators[name].appliesTo.includes(fact.type));
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fitting) },
    { weight: 1, arbitrary: fc.constantFrom(...operatorNames) },
  );
}

function comparisonOver(facts: FactInfo[]): fc.Arbitrary<Comparison> {
  return fc
    .constantFrom(...facts)
    .chain((fact) =>
      operatorFor(fact).chain((operator) =>
        valueFor(operators[operator].value, fact.type).map((value) =>
          value === undefined ? { fact: fact.name, operator } : { fact: fact.name, operator, value },
        ),
      ),
    );
}

/** A condition node's tree: all / any / not groups, at most three levels deep. */
export function conditionGroupOver(pipeline: Pipeline): fc.Arbitrary<ConditionGroup> {
  const comparison = comparisonOver(listFacts(pipeline));
  const tree = fc.letrec<{ group: ConditionGroup; node: ConditionGroup | Comparison }>((tie) => ({
    node: fc.oneof({ maxDepth: 3, depthIdentifier: 'condition' }, comparison, tie('group')),
    group: fc.oneof(
      { depthIdentifier: 'condition' },
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  }));
  return tree.group;
}
