import { describe, expect, it } from 'vitest';
import { refuseConnection, validTargets } from './connection-rules.ts';
import { demoFlow } from './fixture-flows.test-support.ts';

describe('connection rules', () => {
  const flow = demoFlow();
  const byType = (type: string) => flow.nodes.filter((node) => node.type === type).map((node) => node.id);
  const trigger = byType('stageEntered')[0] as string;
  const condition = byType('condition')[0] as string;
  const action = byType('sendDocument')[0] as string;

  it('refuses an edge into a trigger', () => {
    expect(refuseConnection(flow, { source: condition, target: trigger, sourceHandle: 'true' })).toBe('INTO_TRIGGER');
  });

  it('refuses an edge out of an action', () => {
    expect(refuseConnection(flow, { source: action, target: condition })).toBe('FROM_ACTION');
  });

  it('refuses an edge from a condition without a true/false handle', () => {
    expect(refuseConnection(flow, { source: condition, target: action })).toBe('HANDLE_REQUIRED');
    expect(refuseConnection(flow, { source: condition, target: action, sourceHandle: 'maybe' })).toBe(
      'HANDLE_REQUIRED',
    );
  });

  it('refuses an edge that would close a cycle', () => {
    const cyclic = {
      ...flow,
      nodes: [
        ...flow.nodes,
        { id: 'c2', type: 'condition' as const, position: { x: 0, y: 0 }, data: { conditions: { all: [] } } },
      ],
      edges: [...flow.edges, { id: 'e-c2', source: condition, target: 'c2', sourceHandle: 'false' as const }],
    };
    expect(refuseConnection(cyclic, { source: 'c2', target: condition, sourceHandle: 'true' })).toBe('CYCLE');
    expect(validTargets(cyclic, 'c2', 'true').map((node) => node.id)).not.toContain(condition);
  });

  it('allows a trigger to reach an action and lists only allowed targets', () => {
    const free = { ...flow, edges: [] };
    expect(refuseConnection(free, { source: trigger, target: action })).toBeUndefined();
    const targets = validTargets(free, trigger, null).map((node) => node.id);
    expect(targets).toContain(action);
    expect(targets).not.toContain(trigger);
    expect(targets.some((id) => byType('stageEntered').includes(id) || byType('documentCompleted').includes(id))).toBe(
      false,
    );
    expect(validTargets(free, action, null)).toEqual([]);
  });
});
