import { beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../../schemas/types.generated.ts';
import { demoFlow } from '../graph/fixture-flows.test-support.ts';
import { removeElements, updateNodeData } from '../graph/flow-edits.ts';
import { redo, undo, useFlowStore } from './flow-store.ts';
import { createHistoryGate } from './history-grouping.ts';

const rename = (flow: Flow, label: string): Flow => {
  const node = flow.nodes[0];
  if (!node) return flow;
  return updateNodeData(flow, node.id, { ...node.data, label } as typeof node.data);
};

describe('undo history', () => {
  beforeEach(() => useFlowStore.getState().setFlow(demoFlow()));

  it('starts with no history and not dirty after loading', () => {
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(0);
    expect(useFlowStore.getState().dirty).toBe(false);
  });

  it('makes typing into one field one undo step', () => {
    const original = useFlowStore.getState().flow;
    for (const label of ['C', 'Co', 'Con', 'Cont']) {
      useFlowStore.getState().updateFlow((flow) => rename(flow, label), 'node-label:enter-contract');
    }
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(1);
    expect(useFlowStore.getState().dirty).toBe(true);
    undo();
    expect(useFlowStore.getState().flow).toBe(original);
    redo();
    const data = useFlowStore.getState().flow?.nodes[0]?.data as { label?: string } | undefined;
    expect(data?.label).toBe('Cont');
  });

  it('keeps edits of different fields, or ungrouped edits, as separate steps', () => {
    const store = useFlowStore.getState();
    store.updateFlow((flow) => rename(flow, 'a'), 'field-a');
    store.updateFlow((flow) => rename(flow, 'b'), 'field-b');
    store.updateFlow((flow) => removeElements(flow, [flow.nodes[1]?.id as string]));
    store.updateFlow((flow) => removeElements(flow, [flow.nodes[1]?.id as string]));
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(4);
  });

  it('undoes and redoes a deletion', () => {
    const before = useFlowStore.getState().flow as Flow;
    const victim = before.nodes[1]?.id as string;
    useFlowStore.getState().updateFlow((flow) => removeElements(flow, [victim]));
    expect(useFlowStore.getState().flow?.nodes.some((node) => node.id === victim)).toBe(false);
    undo();
    expect(useFlowStore.getState().flow).toBe(before);
    redo();
    expect(useFlowStore.getState().flow?.nodes.some((node) => node.id === victim)).toBe(false);
  });

  it('does not record selection or overlay changes', () => {
    useFlowStore.getState().select(['x']);
    useFlowStore.getState().setOverlay({ reached: ['x'] });
    expect(useFlowStore.temporal.getState().pastStates).toHaveLength(0);
  });
});

describe('history gate', () => {
  it('groups the same key within the window and splits after it or after a cut', () => {
    let now = 0;
    const gate = createHistoryGate(1000, () => now);
    const record = (group: string | undefined) => {
      gate.begin(group);
      return gate.shouldRecord();
    };
    expect(record('a')).toBe(true);
    now = 500;
    expect(record('a')).toBe(false);
    now = 2000;
    expect(record('a')).toBe(true);
    gate.cut();
    expect(record('a')).toBe(true);
    expect(record(undefined)).toBe(true);
    expect(record(undefined)).toBe(true);
  });
});
