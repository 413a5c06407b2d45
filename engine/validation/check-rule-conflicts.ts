// Two send-document rules for one document type in one bucket (pipeline, event type, stage or
// document type) can both match one event unless their conditions exclude each other. Then only
// the higher priority is sent: a warning saying which wins, or an error when priorities tie.
// Bounded for 5,000 senders: at most maxConflictFindings findings (then one that counts the rest),
// at most maxPathComparisons path pairs compared (past it, pairs are taken to overlap), and a
// conflict names at most maxNamedRivals rivals, so neither the answer nor the memory grows as n².
import type { Diagnostic, SendDocumentNode } from '../../schemas/index.ts';
import { bucketKey, triggerOf } from '../flow/node-kinds.ts';
import { maxPathsPerRule, type PathStep } from '../flow/rule-paths.ts';
import {
  defaultWork,
  type FactVerdicts,
  findContradiction,
  flowWork,
  type WorkBudget,
} from './condition-satisfiability.ts';
import { error, warning } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer } from './flow-under-check.ts';
import { quotedNames } from './message-text.ts';
import { pathConditions } from './path-conditions.ts';

interface Sender {
  action: SendDocumentNode;
  paths: PathStep[][];
  /** Some path list was capped, or the flow's comparison budget spent, so exclusivity cannot be shown. */
  capped: boolean;
  occasion: string;
}

function occasionOf(eventType: string, selector: string): string {
  if (eventType === 'deal.stage_changed') return `when a deal enters stage "${selector}"`;
  return `when a "${selector}" document is ${eventType === 'document.completed' ? 'completed' : 'declined'}`;
}

/** Send-document actions per (bucket, document type), paths from all of the bucket's triggers merged. */
function sendersByBucket(subject: FlowUnderCheck): Sender[][] {
  const groups = new Map<string, Map<string, Sender>>();
  for (const rule of subject.rulePaths) {
    const trigger = triggerOf(rule.trigger);
    if (!trigger || rule.action.type !== 'sendDocument') continue;
    const key = `${bucketKey(subject.flow.pipeline.id, trigger.eventType, trigger.selector)}#${rule.action.data.documentType}`;
    const group = groups.get(key) ?? new Map<string, Sender>();
    groups.set(key, group);
    const occasion = occasionOf(trigger.eventType, trigger.selector);
    const sender = group.get(rule.action.id) ?? { action: rule.action, paths: [], capped: false, occasion };
    sender.paths.push(...rule.paths);
    sender.capped ||= rule.truncated;
    group.set(rule.action.id, sender);
  }
  const position = (sender: Sender): number => subject.nodeIndex.get(sender.action.id) ?? 0;
  return [...groups.values()].map((group) => [...group.values()].sort((a, b) => position(a) - position(b)));
}

/** Both paths pass one condition node, on different branches. */
function divergeAtCondition(a: readonly PathStep[], b: readonly PathStep[]): boolean {
  return a.some((stepA) =>
    b.some((stepB) => stepA.conditionNodeId === stepB.conditionNodeId && stepA.branch !== stepB.branch),
  );
}

export const maxConflictFindings = 50;
export const maxPathComparisons = 20_000;
const maxNamedRivals = 10;

/** What the pair checks of one flow may still spend; past it, overlap is assumed, as for capped paths. */
interface Budget {
  pathComparisons: number;
  work: WorkBudget;
  /** The same comparisons meet in many pairs: their verdicts are computed once per flow. */
  verdicts: FactVerdicts;
}

function canBothMatch(subject: FlowUnderCheck, a: Sender, b: Sender, budget: Budget): boolean {
  if (a.capped || b.capped) return true;
  for (const pathA of a.paths) {
    for (const pathB of b.paths) {
      if (budget.pathComparisons <= 0 || budget.work.remaining <= 0) {
        // Said in the message, as for capped path lists.
        a.capped = true;
        b.capped = true;
        return true;
      }
      budget.pathComparisons--;
      if (divergeAtCondition(pathA, pathB)) continue;
      const share: WorkBudget = { remaining: Math.min(defaultWork, budget.work.remaining) };
      const before = share.remaining;
      const conditions = [...pathConditions(subject.graph, pathA), ...pathConditions(subject.graph, pathB)];
      const contradiction = findContradiction(conditions, share, budget.verdicts);
      budget.work.remaining -= before - Math.max(0, share.remaining);
      if (!contradiction) return true;
    }
  }
  return false;
}

const priorityOf = (sender: Sender): number => sender.action.data.priority ?? 1;

/** Said when overlap was assumed rather than shown. */
const cappedNote = (senders: readonly Sender[]): string =>
  senders.some((sender) => sender.capped)
    ? ` (Some of them are reached by more than ${maxPathsPerRule} paths, or the flow has more than ` +
      `${maxPathComparisons.toLocaleString('en')} pairs of paths to compare: too many to compare, so they are taken to overlap.)`
    : '';

function overlapWarning(subject: FlowUnderCheck, winner: Sender, loser: Sender): Diagnostic {
  const [w, l] = [winner.action, loser.action];
  const message =
    `"${w.id}" (priority ${priorityOf(winner)}) wins over "${l.id}" (priority ${priorityOf(loser)}) when both ` +
    `match: both send the ${w.data.documentType} ${winner.occasion} and their conditions can both be true, so ` +
    `"${l.id}" is only sent when "${w.id}" does not match. Make their conditions exclusive if both should send.` +
    cappedNote([winner, loser]);
  return warning('RULE_OVERLAP', message, {
    nodeId: l.id,
    pointer: nodePointer(subject, l.id),
    relatedNodeIds: [w.id],
  });
}

interface Rivals {
  named: Sender[];
  count: number;
}

function conflictError(subject: FlowUnderCheck, sender: Sender, rivals: Rivals): Diagnostic {
  const others = rivals.named;
  const unnamed = rivals.count - others.length;
  const names =
    unnamed > 0
      ? `${[sender.action.id, ...others.map((other) => other.action.id)].map((id) => `"${id}"`).join(', ')} and ${unnamed} more`
      : quotedNames([sender.action.id, ...others.map((other) => other.action.id)]);
  const message =
    `${names} ${rivals.count === 1 ? 'both' : 'all'} send the ` +
    `${sender.action.data.documentType} ${sender.occasion} with the same priority ${priorityOf(sender)}, and their ` +
    'conditions can be true for the same deal: only one is sent, and which one depends on rule names. ' +
    `Give one a higher priority or make their conditions exclusive.${cappedNote([sender, ...others])}`;
  return error('RULE_CONFLICT', message, {
    nodeId: sender.action.id,
    pointer: nodePointer(subject, sender.action.id),
    relatedNodeIds: others.map((other) => other.action.id),
  });
}

/** The findings of a flow as they are found: errors kept first, at most maxConflictFindings in all. */
class Findings {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  omittedErrors = 0;
  omittedWarnings = 0;

  addError(make: () => Diagnostic): void {
    if (this.errors.length < maxConflictFindings) this.errors.push(make());
    else this.omittedErrors++;
  }

  addWarning(make: () => Diagnostic): void {
    if (this.warnings.length < maxConflictFindings) this.warnings.push(make());
    else this.omittedWarnings++;
  }

  list(): Diagnostic[] {
    const kept = [...this.errors, ...this.warnings].slice(0, maxConflictFindings);
    const omitted = this.errors.length + this.warnings.length - kept.length + this.omittedErrors + this.omittedWarnings;
    if (omitted === 0) return kept;
    const hasError = this.errors.length + this.omittedErrors > kept.filter((d) => d.severity === 'error').length;
    const message =
      `${omitted} more conflicts or overlaps between send-document actions are not listed (only the first ` +
      `${maxConflictFindings} are): give the actions distinct priorities or exclusive conditions, or split the flow.`;
    const summary = hasError
      ? error('RULE_CONFLICT', message, { pointer: '/nodes' })
      : warning('RULE_OVERLAP', message, { pointer: '/nodes' });
    return [...kept, summary];
  }
}

function checkGroup(subject: FlowUnderCheck, senders: readonly Sender[], budget: Budget, findings: Findings): void {
  const rivals = new Map<Sender, Rivals>(senders.map((sender) => [sender, { named: [], count: 0 }]));
  const tie = (sender: Sender, rival: Sender): void => {
    const entry = rivals.get(sender) as Rivals;
    entry.count++;
    if (entry.named.length < maxNamedRivals) entry.named.push(rival);
  };
  for (let index = 0; index < senders.length; index++) {
    const a = senders[index] as Sender;
    for (let other = index + 1; other < senders.length; other++) {
      const b = senders[other] as Sender;
      if (!canBothMatch(subject, a, b, budget)) continue;
      if (priorityOf(a) === priorityOf(b)) {
        tie(a, b);
        tie(b, a);
      } else {
        const [winner, loser] = priorityOf(a) > priorityOf(b) ? [a, b] : [b, a];
        findings.addWarning(() => overlapWarning(subject, winner, loser));
      }
    }
  }
  for (const [sender, entry] of rivals)
    if (entry.count > 0) findings.addError(() => conflictError(subject, sender, entry));
}

export function checkRuleConflicts(subject: FlowUnderCheck): Diagnostic[] {
  const budget: Budget = {
    pathComparisons: maxPathComparisons,
    work: { remaining: flowWork },
    verdicts: new Map(),
  };
  const findings = new Findings();
  for (const senders of sendersByBucket(subject)) checkGroup(subject, senders, budget, findings);
  return findings.list();
}
