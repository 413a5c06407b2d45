import { describe, expect, it } from 'vitest';
import { demoFlow } from '../graph/fixture-flows.test-support.ts';
import { updateNodeData } from '../graph/flow-edits.ts';
import { useFlowStore } from '../state/flow-store.ts';
import { autoLayout } from './commands.ts';

describe('auto-layout while the flow changes (ELK answers later, from its worker)', () => {
  it('puts the new positions on the flow as it is now, keeping an edit made meanwhile', async () => {
    const flow = demoFlow();
    useFlowStore.getState().setFlow(flow);
    const layingOut = autoLayout('inProcess');
    const [first] = flow.nodes;
    if (!first) throw new Error('the demo flow has nodes');
    const edited = { ...first.data, label: 'renamed while ELK ran' } as typeof first.data;
    useFlowStore.getState().updateFlow((current) => updateNodeData(current, first.id, edited));
    await layingOut;
    const now = useFlowStore.getState().flow;
    expect(now?.nodes.find((node) => node.id === first.id)?.data).toEqual(edited);
    const moved = now?.nodes.filter((node, index) => {
      const before = flow.nodes[index]?.position;
      return before?.x !== node.position.x || before?.y !== node.position.y;
    });
    expect(moved?.length).toBeGreaterThan(0);
  });

  it('leaves another flow opened meanwhile as it is', async () => {
    useFlowStore.getState().setFlow(demoFlow());
    const layingOut = autoLayout('inProcess');
    const other = { ...demoFlow(), id: 'another-flow' };
    useFlowStore.getState().setFlow(other);
    await layingOut;
    expect(useFlowStore.getState().flow).toBe(other);
  });
});
