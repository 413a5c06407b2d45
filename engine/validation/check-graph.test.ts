import { describe, expect, it } from 'vitest';
import type { Condition } from '../../schemas/index.ts';
import { checkGraph } from './check-graph.ts';
import { prepareFlow } from './flow-under-check.ts';
import { condition, edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

const test = (id: string, value: number) =>
  condition(id, { all: [{ fact: 'amount', operator: 'greaterThan', value } as Condition] });
const check = (...args: Parameters<typeof testFlow>) => checkGraph(prepareFlow(testFlow(...args)));

describe('checkGraph: cycles', () => {
  it('reports a cycle once, from its node first in the document, with the whole loop', () => {
    const nodes = [stageTrigger('start', 'contract'), test('a', 1), test('b', 2), test('c', 3), sendDocument('send')];
    const edges = [
      edge('start', 'b'),
      edge('b', 'c', 'true'),
      edge('c', 'a', 'true'),
      edge('a', 'b', 'true'),
      edge('a', 'send', 'false'),
    ];
    const diagnostics = check(nodes, edges);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'FLOW_CYCLE',
        nodeId: 'a',
        pointer: '/nodes/1',
        relatedNodeIds: ['a', 'b', 'c'],
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('"a" → "b" → "c" → "a"');
  });

  it('reports a node wired to itself', () => {
    const nodes = [stageTrigger('start', 'contract'), test('a', 1), sendDocument('send')];
    const edges = [edge('start', 'a'), edge('a', 'a', 'true'), edge('a', 'send', 'false')];
    expect(check(nodes, edges)).toEqual([expect.objectContaining({ code: 'FLOW_CYCLE', relatedNodeIds: ['a'] })]);
  });

  it('reports two parallel edges around one loop once', () => {
    const nodes = [stageTrigger('start', 'contract'), test('a', 1), test('b', 2), sendDocument('send')];
    const edges = [
      edge('start', 'a'),
      edge('a', 'b', 'true'),
      edge('a', 'b', 'false'),
      edge('b', 'a', 'true'),
      edge('b', 'send', 'false'),
    ];
    expect(check(nodes, edges).filter((diagnostic) => diagnostic.code === 'FLOW_CYCLE')).toHaveLength(1);
  });
});

describe('checkGraph: reach and outputs', () => {
  it('warns when the flow has no trigger, without calling every node unreachable', () => {
    expect(check([sendDocument('send')], [])).toEqual([
      expect.objectContaining({ code: 'FLOW_NO_TRIGGER', severity: 'warning' }),
    ]);
  });

  it('warns about nodes no trigger reaches', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      sendDocument('send'),
      test('floating', 1),
      sendDocument('orphan'),
    ];
    const edges = [edge('start', 'send'), edge('floating', 'orphan', 'true')];
    expect(check(nodes, edges)).toEqual([
      expect.objectContaining({ code: 'NODE_UNREACHABLE', severity: 'warning', nodeId: 'floating' }),
      expect.objectContaining({ code: 'NODE_UNREACHABLE', severity: 'warning', nodeId: 'orphan' }),
    ]);
  });

  it('warns about a trigger or condition that leads nowhere, but not about actions', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      test('a', 1),
      stageTrigger('idle', 'invoice'),
      sendDocument('send'),
    ];
    const edges = [edge('start', 'a'), edge('start', 'send')];
    expect(check(nodes, edges)).toEqual([
      expect.objectContaining({ code: 'NODE_NO_OUTPUT', nodeId: 'a' }),
      expect.objectContaining({ code: 'NODE_NO_OUTPUT', nodeId: 'idle' }),
    ]);
  });

  it('accepts a condition that uses only one of its branches', () => {
    const nodes = [stageTrigger('start', 'contract'), test('a', 1), sendDocument('send')];
    expect(check(nodes, [edge('start', 'a'), edge('a', 'send', 'true')])).toEqual([]);
  });
});
