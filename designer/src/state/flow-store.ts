// The flow being edited. `flow` (the schema's Flow document) is the source of truth; React Flow's
// nodes and edges are derived from it by designer/src/graph/. Undo history (zundo) tracks `flow`
// only, and edits that share a group key (typing into one field) collapse into one step.
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { Flow, Pipeline } from '../../../schemas/types.generated.ts';
import { createHistoryGate } from './history-grouping.ts';
import type { Overlay } from './overlay.ts';

export type { Overlay };

export interface FlowStoreState {
  flow: Flow | null;
  flowId: string | null;
  pipeline: Pipeline | null;
  /** Changed since it was loaded or last saved. */
  dirty: boolean;
  overlay: Overlay | null;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Loads a flow (a new document: history cleared, not dirty unless said so). */
  setFlow: (flow: Flow | null, options?: { dirty?: boolean }) => void;
  /** Edits the flow; edits with the same `group` in quick succession are one undo step. */
  updateFlow: (recipe: (flow: Flow) => Flow, group?: string) => void;
  markSaved: (flow?: Flow) => void;
  setOverlay: (overlay: Overlay | null) => void;
  select: (nodeIds: string[], edgeIds?: string[]) => void;
}

export const historyGate = createHistoryGate();

export const useFlowStore = create<FlowStoreState>()(
  temporal(
    (set, get) => ({
      flow: null,
      flowId: null,
      pipeline: null,
      dirty: false,
      overlay: null,
      selectedNodeIds: [],
      selectedEdgeIds: [],
      setFlow: (flow, options = {}) => {
        const temporalStore = useFlowStore.temporal.getState();
        temporalStore.pause();
        set({
          flow,
          flowId: flow?.id ?? null,
          pipeline: flow?.pipeline ?? null,
          dirty: options.dirty ?? false,
          selectedNodeIds: [],
          selectedEdgeIds: [],
        });
        temporalStore.resume();
        temporalStore.clear();
      },
      updateFlow: (recipe, group) => {
        const flow = get().flow;
        if (!flow) return;
        const next = recipe(flow);
        if (next === flow) return;
        historyGate.begin(group);
        set({ flow: next, pipeline: next.pipeline, dirty: true });
      },
      markSaved: (flow) => {
        const temporalStore = useFlowStore.temporal.getState();
        temporalStore.pause();
        set(flow ? { flow, pipeline: flow.pipeline, dirty: false } : { dirty: false });
        temporalStore.resume();
      },
      setOverlay: (overlay) => set({ overlay }),
      select: (nodeIds, edgeIds = []) => set({ selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds }),
    }),
    {
      partialize: (state) => ({ flow: state.flow }),
      equality: (past, current) => past.flow === current.flow,
      limit: 200,
      // zundo hands over its own recorder (typed as setState); it takes the same four arguments.
      handleSet: (handleSet) => (pastState, replace, currentState, deltaState) => {
        const record = handleSet as unknown as (...args: unknown[]) => void;
        if (historyGate.shouldRecord()) record(pastState, replace, currentState, deltaState);
      },
    },
  ),
);

/** Undo/redo mark the flow dirty: the restored document differs from what was saved. */
export function undo(): void {
  historyGate.cut();
  useFlowStore.temporal.getState().undo();
  useFlowStore.setState((state) => ({ dirty: true, pipeline: state.flow?.pipeline ?? null }));
}

export function redo(): void {
  historyGate.cut();
  useFlowStore.temporal.getState().redo();
  useFlowStore.setState((state) => ({ dirty: true, pipeline: state.flow?.pipeline ?? null }));
}
