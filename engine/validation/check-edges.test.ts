import { describe, expect, it } from 'vitest';
import { checkEdges } from './check-edges.ts';
import { prepareFlow } from './flow-under-check.ts';
import { condition, documentTrigger, edge, moveDeal, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

const isLarge = condition('is-large', { all: [{ fact: 'amount', operator: 'greaterThan', value: 50000 }] });
const check = (...args: Parameters<typeof testFlow>) => checkEdges(prepareFlow(testFlow(...args)));

describe('checkEdges', () => {
  it('accepts well-formed edges', () => {
    const nodes = [stageTrigger('start', 'contract'), isLarge, sendDocument('large'), sendDocument('small')];
    const edges = [edge('start', 'is-large'), edge('is-large', 'large', 'true'), edge('is-large', 'small', 'false')];
    expect(check(nodes, edges)).toEqual([]);
  });

  it('reports a missing source or target on the edge, suggesting the node that was meant', () => {
    const diagnostics = check(
      [stageTrigger('start', 'contract'), sendDocument('send')],
      [edge('strat', 'send'), edge('start', 'sned')],
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'EDGE_SOURCE_MISSING', edgeId: 'e:strat:send', pointer: '/edges/0/source' }),
      expect.objectContaining({ code: 'EDGE_TARGET_MISSING', edgeId: 'e:start:sned', pointer: '/edges/1/target' }),
    ]);
    expect(diagnostics[0]?.nodeId).toBe(undefined);
    expect(diagnostics[1]?.message).toContain('Did you mean "send"?');
  });

  it('requires a true/false handle on edges leaving a condition', () => {
    const diagnostics = check(
      [stageTrigger('start', 'contract'), isLarge, sendDocument('large')],
      [edge('start', 'is-large'), edge('is-large', 'large')],
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'EDGE_HANDLE_INVALID', nodeId: 'is-large', edgeId: 'e:is-large:large' }),
    ]);
    expect(diagnostics[0]?.message).toContain('set its sourceHandle to "true" or "false"');
  });

  it('rejects a branch handle on an edge that leaves a trigger', () => {
    const diagnostics = check(
      [stageTrigger('start', 'contract'), sendDocument('send')],
      [edge('start', 'send', 'true')],
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'EDGE_HANDLE_INVALID', nodeId: 'start', pointer: '/edges/0/sourceHandle' }),
    ]);
  });

  it('accepts a null sourceHandle on a trigger edge, as React Flow writes it', () => {
    const nodes = [stageTrigger('start', 'contract'), sendDocument('send')];
    expect(check(nodes, [{ ...edge('start', 'send'), sourceHandle: null }])).toEqual([]);
  });

  it('reports an edge into a trigger, and an edge out of an action, on the node concerned', () => {
    const nodes = [
      documentTrigger('signed', 'contract'),
      moveDeal('move', 'invoice'),
      stageTrigger('start', 'invoice'),
    ];
    const diagnostics = check(nodes, [edge('signed', 'move'), edge('move', 'start')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'EDGE_FROM_ACTION', nodeId: 'move', edgeId: 'e:move:start' }),
      expect.objectContaining({ code: 'EDGE_INTO_TRIGGER', nodeId: 'start', edgeId: 'e:move:start' }),
    ]);
  });
});
