// The backtest's answer arranged for reading: rules whose firing count changed first, and per
// changed event what each side would send (document type → template, signers in order).
import type { ActionPlan, BacktestDifference, BacktestResult, PlannedSendDocument } from '../../../../schemas/index.ts';

export interface RuleRow {
  ruleName: string;
  /** The action node's label in the draft, when the rule is the draft's. */
  label: string | undefined;
  draftFired: number;
  activeFired: number;
  delta: number;
}

export function ruleRows(result: BacktestResult, labelOfRule: (ruleName: string) => string | undefined): RuleRow[] {
  return result.perRule
    .map((rule) => ({ ...rule, label: labelOfRule(rule.ruleName), delta: rule.draftFired - rule.activeFired }))
    .sort(
      (a, b) =>
        Math.abs(b.delta) - Math.abs(a.delta) || (a.ruleName < b.ruleName ? -1 : a.ruleName > b.ruleName ? 1 : 0),
    );
}

export interface DocumentSide {
  templateId: string;
  signers: string[];
}

export interface DocumentComparison {
  documentType: string;
  active: DocumentSide | null;
  draft: DocumentSide | null;
}

function sideOf(plan: ActionPlan, documentType: string, signerText: (document: PlannedSendDocument) => string[]) {
  const document = plan.actions.find(
    (action): action is PlannedSendDocument => action.kind === 'sendDocument' && action.documentType === documentType,
  );
  return document ? { templateId: document.templateId, signers: signerText(document) } : null;
}

/** Every document type either side sends for this event, with what each would send. */
export function compareDocuments(
  difference: BacktestDifference,
  signerText: (document: PlannedSendDocument) => string[],
): DocumentComparison[] {
  const types = new Set<string>();
  for (const plan of [difference.active, difference.draft]) {
    for (const action of plan.actions) if (action.kind === 'sendDocument') types.add(action.documentType);
  }
  return [...types].sort().map((documentType) => ({
    documentType,
    active: sideOf(difference.active, documentType, signerText),
    draft: sideOf(difference.draft, documentType, signerText),
  }));
}
