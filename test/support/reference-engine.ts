// json-rules-engine as the reference semantics of a rule set: the fast evaluator must fire exactly
// the rules this does. A fresh Engine per call, because Engines share status between concurrent runs.
import { Engine, type RuleProperties } from 'json-rules-engine';
import { toFacts } from '../../engine/facts/to-facts.ts';
import type { DealEvent, RuleSet } from '../../schemas/index.ts';

/** Names of the rules json-rules-engine fires for the event, sorted. */
export async function referenceFiredRules(ruleSet: RuleSet, event: DealEvent): Promise<string[]> {
  // Through JSON text, as a user's compiled file would be read (JSON has no Infinity: 1e400 in a
  // flow became null here, which json-rules-engine compares differently); and a copy, so that
  // nothing json-rules-engine does to its rules can reach the rule set under test.
  const rules = JSON.parse(JSON.stringify(ruleSet.rules)) as RuleProperties[];
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  const { results } = await engine.run(toFacts(event, ruleSet.facts));
  return results.map((result) => String(result.name)).sort();
}
