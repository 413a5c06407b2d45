// With ?bench=1 in the URL, the bench (npm run bench:designer) drives the editor through
// window.__inkflowDesigner. Never installed otherwise; the token never goes in the URL.
import type { Flow, FlowNode } from '../../../schemas/types.generated.ts';
import type { ElkPlace } from '../graph/elk-engine.ts';
import { updateNodeData } from '../graph/flow-edits.ts';
import { warmLayout } from '../graph/layout.ts';
import { useFlowStore } from '../state/flow-store.ts';
import { autoLayout, prepareAutoLayout } from './commands.ts';
import { lastValidationMs, validationRuns } from './validation.ts';

declare global {
  interface Window {
    __inkflowDesigner?: {
      loadFlow: (flow: Flow) => void;
      /** One node's data replaced through the store, as the side panel's forms do. */
      editNodeData: (nodeId: string, data: unknown) => void;
      /** Auto-layout in the worker, or on the page's thread (`inProcess`, the baseline). */
      layout: (place?: ElkPlace) => Promise<number>;
      validateMs: () => number;
      validations: () => number;
      /** Starts and warms ELK where `layout` will run it (the editor warms the worker on idle). */
      warm: (place?: ElkPlace) => Promise<void>;
      /** The layout the editor prepares in the worker once a flow is open (Auto-layout then applies it). */
      prepared: () => Promise<void>;
    };
  }
}

export function installBenchHook(): void {
  if (new URLSearchParams(window.location.search).get('bench') !== '1') return;
  window.__inkflowDesigner = {
    // The open editor keeps its route's flow id, so it shows the bench flow instead of reloading.
    loadFlow: (flow) => {
      const openId = useFlowStore.getState().flowId;
      useFlowStore.getState().setFlow(flow);
      if (openId) useFlowStore.setState({ flowId: openId });
    },
    editNodeData: (nodeId, data) =>
      useFlowStore.getState().updateFlow((flow) => updateNodeData(flow, nodeId, data as FlowNode['data'])),
    layout: (place) => autoLayout(place),
    validateMs: () => lastValidationMs(),
    validations: () => validationRuns(),
    warm: (place) => warmLayout(place),
    // Starts it if the editor's idle callback has not yet (the two share one ELK run).
    prepared: () => prepareAutoLayout(),
  };
}
