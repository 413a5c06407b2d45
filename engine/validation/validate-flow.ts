// Validates a flow document: the schema first (nothing else runs on a document that fails it),
// then the graph, stages, conditions, actions, rule conflicts and never-true conditions. Pure.
import type { Diagnostic, Flow } from '../../schemas/index.ts';
import { checkActionTriggers } from './check-action-triggers.ts';
import { checkActions, type KnownResources } from './check-actions.ts';
import { checkConditions } from './check-conditions.ts';
import { checkEdges } from './check-edges.ts';
import { checkGraph } from './check-graph.ts';
import { checkIds } from './check-ids.ts';
import { checkNeverTrue } from './check-never-true.ts';
import { checkPathLimit } from './check-path-limit.ts';
import { checkRuleConflicts } from './check-rule-conflicts.ts';
import { checkSchema } from './check-schema.ts';
import { checkStages } from './check-stages.ts';
import { orderDiagnostics } from './diagnostic.ts';
import { prepareFlow } from './flow-under-check.ts';

/**
 * What the caller knows about the instance (its templates, employees and the templates' unknown
 * placeholders: what check-actions.ts reads); a list that is absent is not checked against.
 */
export type ValidationContext = KnownResources;

export interface FlowValidation {
  /** Set when the document passed the schema (it may still have semantic errors). */
  flow?: Flow;
  diagnostics: Diagnostic[];
}

export function validateFlow(document: unknown, context: ValidationContext = {}): FlowValidation {
  const schema = checkSchema(document);
  if (!schema.flow) return { diagnostics: schema.diagnostics };
  const flow = schema.flow;
  const subject = prepareFlow(flow);
  const diagnostics = [
    ...checkIds(flow),
    ...checkEdges(subject),
    ...checkGraph(subject),
    ...checkStages(subject),
    ...checkActionTriggers(subject),
    ...checkConditions(subject),
    ...checkActions(subject, context),
    ...checkRuleConflicts(subject),
    ...checkNeverTrue(subject),
    ...checkPathLimit(subject),
  ];
  return { flow, diagnostics: orderDiagnostics(diagnostics, flow) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
