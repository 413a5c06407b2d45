// The canvas (filled in below): shows a flow, editable or read-only, with an optional overlay.
import type { Flow } from '../../../schemas/types.generated.ts';
import type { Overlay } from '../state/overlay.ts';

export interface FlowCanvasProps {
  flow: Flow;
  readOnly?: boolean;
  overlay?: Overlay | null;
}

export function FlowCanvas({ flow }: FlowCanvasProps) {
  return <div className="flow-canvas" data-flow={flow.id} />;
}
