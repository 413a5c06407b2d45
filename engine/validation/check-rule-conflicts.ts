// Two send-document rules for one document type in one bucket (pipeline, event type, stage or
// document type) can both match one event unless their conditions exclude each other. Then only
// the higher priority is sent: a warning saying which wins, or an error when priorities tie.
import type { Diagnostic, SendDocumentNode } from '../../schemas/index.ts';
import { maxPathsPerRule, type PathStep } from '../flow/flow-graph.ts';
import { bucketKey, triggerOf } from '../flow/node-kinds.ts';
import { findContradiction } from './condition-satisfiability.ts';
import { error, warning } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer } from './flow-under-check.ts';
import { quotedNames } from './message-text.ts';
import { pathConditions } from './path-conditions.ts';

interface Sender {
  action: SendDocumentNode;
  paths: PathStep[][];
  /** Some path list was capped, so exclusivity cannot be shown. */
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
    sender.capped ||= rule.paths.length >= maxPathsPerRule;
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

function canBothMatch(subject: FlowUnderCheck, a: Sender, b: Sender): boolean {
  if (a.capped || b.capped) return true;
  return a.paths.some((pathA) =>
    b.paths.some(
      (pathB) =>
        !divergeAtCondition(pathA, pathB) &&
        !findContradiction([...pathConditions(subject.graph, pathA), ...pathConditions(subject.graph, pathB)]),
    ),
  );
}

const priorityOf = (sender: Sender): number => sender.action.data.priority ?? 1;

/** Said when overlap was assumed rather than shown. */
const cappedNote = (senders: readonly Sender[]): string =>
  senders.some((sender) => sender.capped)
    ? ` (Some of them are reached by ${maxPathsPerRule} or more paths, too many to compare, so they are taken to overlap.)`
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

function conflictError(subject: FlowUnderCheck, sender: Sender, others: readonly Sender[]): Diagnostic {
  const names = quotedNames([sender.action.id, ...others.map((other) => other.action.id)]);
  const message =
    `${names} ${others.length === 1 ? 'both' : 'all'} send the ` +
    `${sender.action.data.documentType} ${sender.occasion} with the same priority ${priorityOf(sender)}, and their ` +
    'conditions can be true for the same deal: only one is sent, and which one depends on rule names. ' +
    `Give one a higher priority or make their conditions exclusive.${cappedNote([sender, ...others])}`;
  return error('RULE_CONFLICT', message, {
    nodeId: sender.action.id,
    pointer: nodePointer(subject, sender.action.id),
    relatedNodeIds: others.map((other) => other.action.id),
  });
}

function checkGroup(subject: FlowUnderCheck, senders: readonly Sender[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const tiedWith = new Map<Sender, Sender[]>(senders.map((sender) => [sender, []]));
  senders.forEach((a, index) => {
    for (const b of senders.slice(index + 1)) {
      if (!canBothMatch(subject, a, b)) continue;
      if (priorityOf(a) === priorityOf(b)) {
        tiedWith.get(a)?.push(b);
        tiedWith.get(b)?.push(a);
      } else {
        const [winner, loser] = priorityOf(a) > priorityOf(b) ? [a, b] : [b, a];
        diagnostics.push(overlapWarning(subject, winner, loser));
      }
    }
  });
  for (const [sender, others] of tiedWith)
    if (others.length > 0) diagnostics.push(conflictError(subject, sender, others));
  return diagnostics;
}

export function checkRuleConflicts(subject: FlowUnderCheck): Diagnostic[] {
  return sendersByBucket(subject).flatMap((senders) => checkGroup(subject, senders));
}
