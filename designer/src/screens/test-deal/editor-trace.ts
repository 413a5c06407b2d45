// The test's path on the editor's own canvas: the overlay is put in the flow store and stays when
// the admin goes back to the editor (which reloads the same document), until the flow's content
// changes (then the path is stale and cleared).
import type { Flow } from '../../../../schemas/index.ts';
import { useFlowStore } from '../../state/flow-store.ts';
import type { Overlay } from '../../state/overlay.ts';

let testedText: string | null = null;
let watching = false;

export function showTraceInEditor(flow: Flow, overlay: Overlay): void {
  testedText = JSON.stringify(flow);
  useFlowStore.getState().setOverlay(overlay);
  if (watching) return;
  watching = true;
  // One subscription for the page's life: the store lives as long as the page does.
  useFlowStore.subscribe((state, previous) => {
    if (testedText === null || state.flow === previous.flow) return;
    if (state.flow !== null && JSON.stringify(state.flow) === testedText) return;
    testedText = null;
    state.setOverlay(null);
  });
}
