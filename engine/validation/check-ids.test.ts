import { describe, expect, it } from 'vitest';
import { checkIds } from './check-ids.ts';
import { edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

describe('checkIds', () => {
  it('reports a node id used twice on the second node, naming both places', () => {
    const flow = testFlow(
      [stageTrigger('start', 'contract'), sendDocument('send'), sendDocument('send')],
      [edge('start', 'send')],
    );
    const diagnostics = checkIds(flow);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_ID', nodeId: 'send', pointer: '/nodes/2/id' }),
    ]);
    expect(diagnostics[0]?.message).toContain('(/nodes/1 and /nodes/2)');
  });

  it('reports an edge id used twice with edgeId set', () => {
    const flow = testFlow(
      [stageTrigger('start', 'contract'), sendDocument('a'), sendDocument('b')],
      [edge('start', 'a'), { ...edge('start', 'b'), id: 'e:start:a' }],
    );
    expect(checkIds(flow)).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_ID', edgeId: 'e:start:a', pointer: '/edges/1/id' }),
    ]);
  });

  it('finds nothing when every id is unique (a node and an edge may share one)', () => {
    const flow = testFlow([stageTrigger('start', 'contract'), sendDocument('a')], [{ ...edge('start', 'a'), id: 'a' }]);
    expect(checkIds(flow)).toEqual([]);
  });
});
