// simulate reads either a flow (compiled on the fly, after validation) or a compiled rule set.
import { compileFlow } from '../../engine/compile/compile-flow.ts';
import { createEvaluator, RuleSetError } from '../../engine/evaluate/create-evaluator.ts';
import { hasErrors } from '../../engine/validation/validate-flow.ts';
import { checkRuleSet, type Diagnostic, type RuleSet } from '../../schemas/index.ts';
import { checkDocument } from './check-document.ts';
import { FileProblem } from './cli-errors.ts';
import { loadFlow } from './load-flow.ts';
import { readJsonDocument } from './read-json-document.ts';

export type Evaluator = ReturnType<typeof createEvaluator>;

export type RuleSource =
  | { ok: true; evaluator: Evaluator; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

function looksLike(document: unknown, property: string): boolean {
  return typeof document === 'object' && document !== null && !Array.isArray(document) && property in document;
}

function evaluatorOf(file: string, ruleSet: RuleSet): Evaluator {
  try {
    return createEvaluator(ruleSet);
  } catch (error) {
    if (error instanceof RuleSetError) throw new FileProblem(file, '/', `inconsistent rule set: ${error.message}`);
    throw error;
  }
}

export function loadRuleSource(file: string): RuleSource {
  const document = readJsonDocument(file);
  if (looksLike(document, 'nodes')) {
    const { flow, diagnostics } = loadFlow(file, document);
    if (hasErrors(diagnostics)) return { ok: false, diagnostics };
    return { ok: true, evaluator: evaluatorOf(file, compileFlow(flow)), diagnostics };
  }
  if (looksLike(document, 'rules')) {
    return { ok: true, evaluator: evaluatorOf(file, checkDocument(file, document, checkRuleSet)), diagnostics: [] };
  }
  throw new FileProblem(file, '/', 'neither a flow (it has no "nodes") nor a rule set (it has no "rules")');
}
