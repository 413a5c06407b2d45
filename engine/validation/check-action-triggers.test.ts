import { describe, expect, it } from 'vitest';
import { checkActionTriggers } from './check-action-triggers.ts';
import { prepareFlow } from './flow-under-check.ts';
import {
  callWebhook,
  condition,
  documentTrigger,
  edge,
  moveDeal,
  sendDocument,
  stageTrigger,
  testFlow,
} from './test-flow.ts';

const isLarge = condition('is-large', { all: [{ fact: 'amount', operator: 'greaterThan', value: 50000 }] });

describe('checkActionTriggers', () => {
  it('reports a move-deal or webhook reachable from a stage trigger, through conditions too', () => {
    const nodes = [stageTrigger('start', 'contract'), isLarge, moveDeal('move', 'invoice'), callWebhook('hook')];
    const edges = [edge('start', 'is-large'), edge('is-large', 'move', 'true'), edge('start', 'hook')];
    expect(checkActionTriggers(prepareFlow(testFlow(nodes, edges)))).toEqual([
      expect.objectContaining({ code: 'ACTION_NEEDS_DOCUMENT_TRIGGER', nodeId: 'move', relatedNodeIds: ['start'] }),
      expect.objectContaining({ code: 'ACTION_NEEDS_DOCUMENT_TRIGGER', nodeId: 'hook', relatedNodeIds: ['start'] }),
    ]);
  });

  it('names only the stage triggers when an action also follows a document trigger', () => {
    const nodes = [documentTrigger('signed', 'contract'), stageTrigger('start', 'won'), moveDeal('move', 'invoice')];
    const diagnostics = checkActionTriggers(
      prepareFlow(testFlow(nodes, [edge('signed', 'move'), edge('start', 'move')])),
    );
    expect(diagnostics).toEqual([expect.objectContaining({ nodeId: 'move', relatedNodeIds: ['start'] })]);
    expect(diagnostics[0]?.message).toContain('runs after stage trigger "start"');
  });

  it('accepts these actions after document triggers, and documents sent on a stage', () => {
    const nodes = [
      documentTrigger('signed', 'contract'),
      documentTrigger('declined', 'contract', 'documentDeclined'),
      moveDeal('move', 'invoice'),
      callWebhook('hook'),
      stageTrigger('start', 'contract'),
      sendDocument('send'),
    ];
    const edges = [edge('signed', 'move'), edge('declined', 'hook'), edge('start', 'send')];
    expect(checkActionTriggers(prepareFlow(testFlow(nodes, edges)))).toEqual([]);
  });
});
