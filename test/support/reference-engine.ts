// json-rules-engine as the reference semantics of a rule set: the fast evaluator must fire exactly
// the rules this does. A fresh Engine per call, because Engines share status between concurrent runs.
import { Engine, type RuleProperties } from 'json-rules-engine';
import { toFacts } from '../../engine/facts/to-facts.ts';
import type { DealEvent, RuleSet } from '../../schemas/index.ts';

/** Names of the rules json-rules-engine fires for the event, sorted. */
export async function referenceFiredRules(ruleSet: RuleSet, event: DealEvent): Promise<string[]> {
  // Cloned so that nothing json-rules-engine does to its rules can reach the rule set under test.
  const rules = structuredClone(ruleSet.rules) as unknown as RuleProperties[];
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  const { results } = await engine.run(toFacts(event, ruleSet.facts));
  return results.map((result) => String(result.name)).sort();
}
