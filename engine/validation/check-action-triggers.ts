// ACTION_NEEDS_DOCUMENT_TRIGGER: moving a deal or calling a webhook is a reaction to a signed or
// declined document; on a stage trigger a move would itself change the stage and could loop.
import type { Diagnostic, FlowNode } from '../../schemas/index.ts';
import { actionOf, nodeKinds, triggerOf } from '../flow/node-kinds.ts';
import { error } from './diagnostic.ts';
import { type FlowUnderCheck, nodePointer, uniqueNodes } from './flow-under-check.ts';
import { nodeName, quotedNames } from './message-text.ts';

const isDocumentTrigger = (node: FlowNode): boolean => triggerOf(node)?.selectorFact === 'documentType';

export function checkActionTriggers(subject: FlowUnderCheck): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of uniqueNodes(subject)) {
    if (!actionOf(node)?.needsDocumentTrigger) continue;
    const wrongTriggers = (subject.triggersReaching.get(node.id) ?? []).filter(
      (trigger) => !isDocumentTrigger(trigger),
    );
    if (wrongTriggers.length === 0) continue;
    const names = quotedNames(wrongTriggers.map((trigger) => trigger.id));
    const message =
      `${nodeName(node)} runs after stage trigger ${names}, but it may only follow a ` +
      `"${nodeKinds.documentCompleted.title}" or "${nodeKinds.documentDeclined.title}" trigger; ` +
      'connect it from a document trigger instead.';
    diagnostics.push(
      error('ACTION_NEEDS_DOCUMENT_TRIGGER', message, {
        nodeId: node.id,
        pointer: nodePointer(subject, node.id),
        relatedNodeIds: wrongTriggers.map((trigger) => trigger.id),
      }),
    );
  }
  return diagnostics;
}
