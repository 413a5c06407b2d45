// Compiled evaluators per published flow version. A published version never changes, so
// "flowId@version" names its rule set for good; the cache is per database because two stores
// (tests) may hold different flows under the same name.
import { createEvaluator, type Evaluator } from '../../engine/evaluate/create-evaluator.ts';
import type { RuleSet, SendDocumentSettings } from '../../schemas/index.ts';
import type { Database } from '../storage/open-database.ts';

export interface CompiledFlowVersion {
  evaluator: Evaluator;
  /** The sendDocument settings of each rule: the plan names the rule, the job needs its settings. */
  documentSettings: ReadonlyMap<string, SendDocumentSettings>;
  /** The rule set it was compiled from. */
  ruleSet: RuleSet;
}

const maxEntries = 64;
const caches = new WeakMap<Database, Map<string, CompiledFlowVersion>>();

function compile(ruleSet: RuleSet): CompiledFlowVersion {
  const documentSettings = new Map<string, SendDocumentSettings>();
  for (const rule of ruleSet.rules) {
    if (rule.event.type === 'sendDocument') {
      documentSettings.set(rule.name, rule.event.params.action as SendDocumentSettings);
    }
  }
  return { evaluator: createEvaluator(ruleSet), documentSettings, ruleSet };
}

/** Throws RuleSetError (engine) when the stored rule set is inconsistent. */
export function compiledFlowVersion(
  database: Database,
  flowId: string,
  version: number,
  ruleSet: RuleSet,
): CompiledFlowVersion {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  const key = `${flowId}@${version}`;
  let compiled = cache.get(key);
  // A flow deleted and made again reuses flowId@version: the rule set read for it is another object.
  if (!compiled || compiled.ruleSet !== ruleSet) {
    compiled = compile(ruleSet);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(key, compiled);
  }
  return compiled;
}
