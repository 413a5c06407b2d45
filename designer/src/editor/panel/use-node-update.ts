// Form edits of one node's data; `field` names the undo group, so typing in it is one step.
import type { FlowNode } from '../../../../schemas/types.generated.ts';
import { updateNodeData } from '../../graph/flow-edits.ts';
import { useFlowStore } from '../../state/flow-store.ts';

export function useNodeUpdate<N extends FlowNode>(node: N) {
  return (data: N['data'], field: string) =>
    useFlowStore.getState().updateFlow((flow) => updateNodeData(flow, node.id, data), `${node.id}:${field}`);
}
