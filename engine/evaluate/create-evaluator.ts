// The fast evaluator of a compiled rule set: each bucket of the index is compiled once into a
// flat program, and an event only pays for the rules of its own bucket. Nothing is shared or mutated
// between evaluate() calls, unlike json-rules-engine's engine.status.
import type { ActionPlan, DealEvent, RuleSet, RuleTrace } from '../../schemas/index.ts';
import { type FactReader, toFacts } from '../facts/to-facts.ts';
import { findDeepNesting, maxDocumentDepth, maxRuleConditionDepth } from '../json/find-deep-nesting.ts';
import { findNonFiniteNumber } from '../json/find-non-finite-number.ts';
import { bucketOf, selectorOf, triggerFactsAreExact } from './bucket-of.ts';
import { runNode } from './bucket-program.ts';
import { buildPlan } from './build-plan.ts';
import {
  type BucketRule,
  type CompiledBucket,
  compileBucket,
  type PreparedRule,
  prepareRule,
} from './compile-bucket.ts';
import { RuleSetError } from './rule-set-error.ts';
import { traceCondition } from './trace-condition.ts';

export { bucketOf } from './bucket-of.ts';
export { RuleSetError } from './rule-set-error.ts';

export interface EvaluateOptions {
  /** Evaluate every comparison of every rule of the bucket and report it (slower). */
  trace?: boolean;
}

export interface Evaluator {
  evaluate(event: DealEvent, options?: EvaluateOptions): ActionPlan;
  readonly bucketCount: number;
}

/** Everything below reads conditions recursively: the depth is bounded here, once. */
function assertReadable(ruleSet: RuleSet): void {
  const deep = findDeepNesting(ruleSet, { groups: maxRuleConditionDepth, document: maxDocumentDepth });
  if (deep) {
    const what = deep.kind === 'groups' ? 'groups (all / any / not) deep' : 'levels of arrays and objects deep';
    throw new RuleSetError(`at ${deep.pointer}: conditions nest more than ${deep.limit} ${what}`);
  }
  const pointer = findNonFiniteNumber(ruleSet);
  if (pointer !== undefined) throw new RuleSetError(`at ${pointer}: a number must be finite, not Infinity or NaN`);
}

function prepareRules(ruleSet: RuleSet): Map<string, PreparedRule> {
  if (!Array.isArray(ruleSet?.rules) || !Array.isArray(ruleSet.facts) || typeof ruleSet.index !== 'object') {
    throw new RuleSetError('a rule set needs "rules", "facts" and "index"');
  }
  assertReadable(ruleSet);
  const knownFacts = new Set(ruleSet.facts);
  const prepared = new Map<string, PreparedRule>();
  for (const rule of ruleSet.rules) {
    const ready = prepareRule(rule, knownFacts);
    if (prepared.has(ready.name)) throw new RuleSetError(`two rules are named "${ready.name}"`);
    prepared.set(ready.name, ready);
  }
  return prepared;
}

function compileBuckets(ruleSet: RuleSet, prepared: ReadonlyMap<string, PreparedRule>): Map<string, CompiledBucket> {
  const buckets = new Map<string, CompiledBucket>();
  const indexed = new Set<string>();
  for (const [key, names] of Object.entries(ruleSet.index)) {
    const bucket = compileBucket(key, names, prepared);
    buckets.set(key, bucket);
    for (const rule of bucket.rules) indexed.add(rule.name);
  }
  for (const name of prepared.keys()) {
    if (!indexed.has(name))
      throw new RuleSetError(`rule "${name}" is in no bucket of the index, so it could never run`);
  }
  return buckets;
}

function traceBucket(bucket: CompiledBucket, facts: ReturnType<typeof toFacts>): RuleTrace[] {
  return bucket.rules.map((rule) => {
    const conditions = traceCondition(rule.conditions, facts);
    return { ruleName: rule.name, priority: rule.priority, fired: conditions.result, conditions };
  });
}

/** Rules that fire, by the bucket's program: only for events whose trigger facts are exact. */
function firedByProgram(bucket: CompiledBucket, event: DealEvent): BucketRule[] {
  const { program, rules } = bucket;
  const { readers } = program;
  // The values toFacts would give (absent is null), read straight into the program's slots.
  const values: unknown[] = new Array(readers.length);
  for (let slot = 0; slot < readers.length; slot++) {
    const value = (readers[slot] as FactReader)(event);
    values[slot] = value === undefined ? null : value;
  }
  const fired: BucketRule[] = [];
  for (let at = 0; at < rules.length; at++) {
    if (runNode(program, program.ruleStarts[at] as number, values)) fired.push(rules[at] as BucketRule);
  }
  return fired;
}

function evaluateBucket(bucket: CompiledBucket, event: DealEvent, trace: boolean): ActionPlan {
  const { rules } = bucket;
  const scope = { bucket: bucket.key, rulesConsidered: rules.length, exclusiveCount: bucket.exclusiveCount };
  if (!trace && triggerFactsAreExact(event)) return buildPlan(event, scope, firedByProgram(bucket, event));
  // The trace, or a schema-invalid event (e.g. a number stageId) of which the bucket key proves nothing.
  const traces = traceBucket(bucket, toFacts(event, bucket.factNames));
  const fired = rules.filter((_, at) => traces[at]?.fired);
  return buildPlan(event, scope, fired, trace ? traces : undefined);
}

type BucketTree = Map<string, Map<string, Map<string, CompiledBucket>>>;

/**
 * The buckets whose key splits one way only into pipeline, event type and selector, by those parts:
 * an event finds its bucket without building its key string (which both sides of a backtest did
 * for every event). Other keys are found by the full key, as before.
 */
function bucketTree(buckets: ReadonlyMap<string, CompiledBucket>): BucketTree {
  const tree: BucketTree = new Map();
  for (const [key, bucket] of buckets) {
    const parts = key.split('/');
    if (parts.length !== 3) continue;
    const [pipelineId, eventType, selector] = parts as [string, string, string];
    const byType = tree.get(pipelineId) ?? new Map<string, Map<string, CompiledBucket>>();
    tree.set(pipelineId, byType);
    const bySelector = byType.get(eventType) ?? new Map<string, CompiledBucket>();
    byType.set(eventType, bySelector);
    bySelector.set(selector, bucket);
  }
  return tree;
}

/** A hit here is the bucket bucketOf's key names (same three parts, no "/" in any); a miss proves nothing. */
function treeBucket(tree: BucketTree, event: DealEvent): CompiledBucket | undefined {
  if (!triggerFactsAreExact(event)) return undefined;
  return tree
    .get(event.pipelineId)
    ?.get(event.type)
    ?.get(selectorOf(event) as string);
}

/** Throws RuleSetError when the rule set is inconsistent (index names a missing rule, unknown operator, ...). */
export function createEvaluator(ruleSet: RuleSet): Evaluator {
  const buckets = compileBuckets(ruleSet, prepareRules(ruleSet));
  const tree = bucketTree(buckets);
  return {
    bucketCount: buckets.size,
    evaluate(event, options) {
      const trace = options?.trace === true;
      const found = treeBucket(tree, event);
      if (found) return evaluateBucket(found, event, trace);
      const key = bucketOf(event);
      const bucket = buckets.get(key);
      const empty = { bucket: key, rulesConsidered: 0, exclusiveCount: 0 };
      if (!bucket) return buildPlan(event, empty, [], trace ? [] : undefined);
      return evaluateBucket(bucket, event, trace);
    },
  };
}
