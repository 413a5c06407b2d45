// Which flow a screen works on (the route's flow id, else the one open in the editor, else the
// first), and its draft: the editor's live document when that flow is open there (unsaved edits
// included), else the draft stored on the runtime.

import type { Flow, FlowSummary } from '../../../../schemas/index.ts';
import { api } from '../../api/client.ts';
import { navigate } from '../../app/navigate.ts';
import { useFlowStore } from '../../state/flow-store.ts';
import { useAsync } from './use-async.ts';

export interface FlowDraftState {
  flows: FlowSummary[] | undefined;
  flowId: string | undefined;
  summary: FlowSummary | undefined;
  draft: Flow | undefined;
  /** True when the draft is the editor's document (what the admin sees there now). */
  fromEditor: boolean;
  error: unknown;
  choose: (flowId: string) => void;
  reloadSummary: () => void;
}

export function useFlowDraft(screenId: string, routeFlowId: string | undefined): FlowDraftState {
  const flows = useAsync(() => api.listFlows(), []);
  const storeFlow = useFlowStore((state) => state.flow);
  const storeFlowId = useFlowStore((state) => state.flowId);
  const flowId = routeFlowId ?? storeFlowId ?? flows.data?.[0]?.id;
  const fromEditor = flowId !== undefined && flowId === storeFlowId && storeFlow !== null;
  const stored = useAsync(() => (flowId && !fromEditor ? api.getFlow(flowId) : undefined), [flowId, fromEditor]);
  return {
    flows: flows.data,
    flowId,
    summary: flows.data?.find((flow) => flow.id === flowId),
    draft: fromEditor ? (storeFlow ?? undefined) : stored.data?.draft,
    fromEditor,
    error: flows.error ?? stored.error,
    choose: (id) => navigate(screenId, [id]),
    reloadSummary: flows.reload,
  };
}
