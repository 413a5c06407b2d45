// One bucket of the index → its rules in evaluation order with their prepared actions, one
// program for their conditions, and the facts the bucket reads (so an event only computes those).
import type { CompiledRule } from '../../schemas/index.ts';
import { type ImpliedFacts, impliedFacts } from './bucket-of.ts';
import { type BucketProgram, compileBucketProgram, withoutProven } from './bucket-program.ts';
import { type CheckedCondition, checkCondition, factsRead } from './check-condition.ts';
import { type PreparedAction, prepareAction } from './plan-action.ts';
import { RuleSetError } from './rule-set-error.ts';

/** A rule whose conditions are checked once, whichever buckets list it. */
export interface PreparedRule {
  name: string;
  priority: number;
  conditions: CheckedCondition;
  source: CompiledRule;
}

export interface BucketRule {
  name: string;
  priority: number;
  conditions: CheckedCondition;
  action: PreparedAction;
  /** Rules with the same slot compete (action.exclusive); -1 for actions that all run. */
  exclusiveSlot: number;
  /** Flow and action node: two rules of one bucket for one action node plan it once. */
  originKey: string;
}

export interface CompiledBucket {
  key: string;
  rules: BucketRule[];
  factNames: string[];
  /** Valid only for events whose trigger facts are exactly the bucket's (triggerFactsAreExact). */
  program: BucketProgram;
  exclusiveCount: number;
}

export function prepareRule(rule: CompiledRule, knownFacts: ReadonlySet<string>): PreparedRule {
  if (typeof rule?.name !== 'string') throw new RuleSetError('every rule needs a name');
  if (!Number.isInteger(rule.priority)) throw new RuleSetError(`rule "${rule.name}": priority must be an integer`);
  return {
    name: rule.name,
    priority: rule.priority,
    conditions: checkCondition(rule.conditions, `rule "${rule.name}"`, knownFacts),
    source: rule,
  };
}

// Priority desc, then name: the index is hand-editable, so its order is recomputed, not trusted.
const byEvaluationOrder = (a: PreparedRule, b: PreparedRule): number =>
  b.priority - a.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function compileBucket(key: string, names: unknown, rules: ReadonlyMap<string, PreparedRule>): CompiledBucket {
  if (!Array.isArray(names)) throw new RuleSetError(`index bucket "${key}" must list rule names`);
  const implied: ImpliedFacts | undefined = impliedFacts(key);
  const seen = new Set<string>();
  const facts = new Set<string>();
  const bucketRules: PreparedRule[] = [];
  for (const name of names) {
    const rule = rules.get(name);
    if (!rule) throw new RuleSetError(`index bucket "${key}" names rule "${String(name)}", which the rule set lacks`);
    if (seen.has(name)) throw new RuleSetError(`index bucket "${key}" names rule "${name}" twice`);
    seen.add(name);
    factsRead(rule.conditions, facts);
    bucketRules.push(rule);
  }
  bucketRules.sort(byEvaluationOrder);
  const factNames = [...facts].sort();
  const roots = bucketRules.map((rule) => withoutProven(rule.conditions, implied));
  const slots = new Map<string, number>();
  // Actions are prepared per bucket, so that one bucket's rules sit together in memory: measured,
  // chasing pointers into a 10,000-rule set cost ~20% of an evaluation.
  const prepared = bucketRules.map(({ name, priority, conditions, source }): BucketRule => {
    const action = prepareAction(source);
    const exclusive = action.exclusive?.key;
    if (exclusive !== undefined && !slots.has(exclusive)) slots.set(exclusive, slots.size);
    const exclusiveSlot = exclusive === undefined ? -1 : (slots.get(exclusive) as number);
    const originKey = `${action.origin.flowId}\u0000${action.origin.actionNodeId}`;
    return { name, priority, conditions, action, exclusiveSlot, originKey };
  });
  // The program reads fewer facts than the trace: not those the bucket key proves.
  const programFacts = new Set<string>();
  for (const root of roots) if (typeof root !== 'boolean') factsRead(root, programFacts);
  const program = compileBucketProgram(roots, [...programFacts].sort());
  return { key, rules: prepared, factNames, program, exclusiveCount: slots.size };
}
