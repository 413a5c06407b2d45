// What changes between two plans for one event, as the backtest reports it: a document type planned
// by one side only, another template, other signers or signing settings, a different stage move or
// webhook. Runs once per stored event on both sides, so it avoids JSON and allocations.
import type {
  ActionPlan,
  BacktestDifferenceKind,
  PlannedAction,
  PlannedSendDocument,
  PlannedSigner,
} from '../../schemas/index.ts';

function sameSigner(a: PlannedSigner, b: PlannedSigner): boolean {
  return (
    a.side === b.side &&
    a.order === b.order &&
    a.employeeId === b.employeeId &&
    a.userId === b.userId &&
    a.contactId === b.contactId &&
    a.name === b.name &&
    a.email === b.email &&
    a.phone === b.phone
  );
}

function sameSigning(a: PlannedSendDocument, b: PlannedSendDocument): boolean {
  if (a.signingOrder !== b.signingOrder || a.linkExpiryDays !== b.linkExpiryDays) return false;
  if (a.signers.length !== b.signers.length) return false;
  for (let at = 0; at < a.signers.length; at++) {
    if (!sameSigner(a.signers[at] as PlannedSigner, b.signers[at] as PlannedSigner)) return false;
  }
  return true;
}

/** The other actions (moves and webhooks) as one comparable text, in plan order. */
function otherActions(actions: readonly PlannedAction[]): string {
  let text = '';
  for (const action of actions) {
    if (action.kind === 'moveDeal') text += `move:${action.stageId}\n`;
    else if (action.kind === 'callWebhook') text += `hook:${action.url}\n`;
  }
  return text;
}

function documentOf(actions: readonly PlannedAction[], documentType: string): PlannedSendDocument | undefined {
  for (const action of actions) {
    if (action.kind === 'sendDocument' && action.documentType === documentType) return action;
  }
  return undefined;
}

function countDocuments(actions: readonly PlannedAction[]): number {
  let count = 0;
  for (const action of actions) if (action.kind === 'sendDocument') count++;
  return count;
}

/** The kinds of change from `active` to `draft`; empty when both plans do the same. */
export function planDifferences(draft: ActionPlan, active: ActionPlan): BacktestDifferenceKind[] {
  const kinds: BacktestDifferenceKind[] = [];
  if (draft.actions.length === 0 && active.actions.length === 0) return kinds;
  let document = countDocuments(draft.actions) !== countDocuments(active.actions);
  let template = false;
  let signers = false;
  for (const planned of draft.actions) {
    if (planned.kind !== 'sendDocument') continue;
    const before = documentOf(active.actions, planned.documentType);
    if (!before) {
      document = true;
      continue;
    }
    if (before.templateId !== planned.templateId) template = true;
    if (!sameSigning(before, planned)) signers = true;
  }
  if (document) kinds.push('document');
  if (template) kinds.push('template');
  if (signers) kinds.push('signers');
  if (otherActions(draft.actions) !== otherActions(active.actions)) kinds.push('action');
  return kinds;
}

/** The rules that fired for the plan: those that acted and those a higher priority suppressed. */
export function firedRuleNames(plan: ActionPlan): string[] {
  const names: string[] = [];
  for (const action of plan.actions) names.push(action.ruleName);
  for (const rule of plan.suppressed) names.push(rule.ruleName);
  return names;
}
