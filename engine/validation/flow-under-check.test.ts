import { describe, expect, it } from 'vitest';
import { nodePointer, prepareFlow, uniqueNodes } from './flow-under-check.ts';
import { condition, documentTrigger, edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

describe('prepareFlow', () => {
  const subject = prepareFlow(
    testFlow(
      [
        stageTrigger('start', 'contract'),
        condition('c', { all: [{ fact: 'amount', operator: 'exists' }] }),
        documentTrigger('signed', 'contract'),
        sendDocument('send'),
        sendDocument('send'),
        sendDocument('alone'),
      ],
      [edge('start', 'c'), edge('c', 'send', 'true'), edge('signed', 'send')],
    ),
  );

  it('knows which triggers reach each node, in document order', () => {
    const reaching = (id: string) => (subject.triggersReaching.get(id) ?? []).map((node) => node.id);
    expect(reaching('send')).toEqual(['start', 'signed']);
    expect(reaching('c')).toEqual(['start']);
    expect(reaching('alone')).toEqual([]);
  });

  it('addresses a node by its first occurrence', () => {
    expect(nodePointer(subject, 'send')).toBe('/nodes/3');
    expect(nodePointer(subject, 'send', '/data')).toBe('/nodes/3/data');
    expect(uniqueNodes(subject).map((node) => node.id)).toEqual(['start', 'c', 'signed', 'send', 'alone']);
  });

  it('collects the rule paths the compiler would compile', () => {
    expect(subject.rulePaths.map((rule) => `${rule.trigger.id}->${rule.action.id}`)).toEqual([
      'start->send',
      'signed->send',
    ]);
  });
});
