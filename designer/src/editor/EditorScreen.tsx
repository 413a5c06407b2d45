// #/editor → the flow list; #/editor/<flowId>[/<nodeId>] → the editor on that flow (and node).
import { useRoute } from '../app/navigate.ts';
import { FlowEditor } from './FlowEditor.tsx';
import { FlowList } from './FlowList.tsx';

export function EditorScreen() {
  const { params } = useRoute();
  const [flowId, nodeId] = params;
  if (!flowId) return <FlowList />;
  return <FlowEditor key={flowId} flowId={flowId} {...(nodeId ? { focusNodeId: nodeId } : {})} />;
}
