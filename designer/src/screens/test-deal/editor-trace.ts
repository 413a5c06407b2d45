// The test's path on the editor's own canvas: the overlay is put in the flow store and stays when
// the admin goes back to the editor, until the flow changes (then the path is stale and cleared).
import type { Flow } from '../../../../schemas/index.ts';
import { useFlowStore } from '../../state/flow-store.ts';
import type { Overlay } from '../../state/overlay.ts';

let tested: Flow | null = null;
let watching = false;

export function showTraceInEditor(flow: Flow, overlay: Overlay): void {
  tested = flow;
  useFlowStore.getState().setOverlay(overlay);
  if (watching) return;
  watching = true;
  // One subscription for the page's life: the store lives as long as the page does.
  useFlowStore.subscribe((state) => {
    if (tested === null || state.flow === tested) return;
    tested = null;
    state.setOverlay(null);
  });
}
