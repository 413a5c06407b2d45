// Below zoom 0.45 a card's text is unreadable: the canvas root gets the class `is-compact` and CSS
// shows each card's kind and problem count only (app.css). A class on one element, so crossing the
// threshold costs a style pass instead of 500 cards rendered again (measured: 150-230 ms frames).
import { type ReactFlowState, useStore } from '@xyflow/react';
import { useEffect } from 'react';

export const compactBelowZoom = 0.45;
const isCompact = (state: ReactFlowState) => state.transform[2] < compactBelowZoom;
const domNodeOf = (state: ReactFlowState) => state.domNode;

/** Rendered inside <ReactFlow>; renders nothing, re-renders only when the zoom crosses the threshold. */
export function CompactZoom() {
  const compact = useStore(isCompact);
  const root = useStore(domNodeOf);
  useEffect(() => {
    root?.classList.toggle('is-compact', compact);
  }, [root, compact]);
  return null;
}
