// A big flow whose nodes all sit on one spot (a generated or hand-written file) is laid out when it
// is created or saved, so the designer opens it already positioned: laying out 500 nodes in the
// browser as the editor opens took 1.6-4 s (cold ELK worker), over the 1 s target for opening.
// Small flows are left to the editor (it lays them out in well under a second); flows past
// `maxNodes` too (ELK's time grows faster than linearly; the editor still lays them out on open).
// The layout is a convenience: if it fails or the checker is busy, the flow is saved as sent.
import { positionsMissing } from '../../engine/layout/positions-missing.ts';
import type { Flow } from '../../schemas/index.ts';
import { checkFlowOffLoop } from './flow-checks.ts';

/** From the designer's "big flow" layout options (layout.ts): below this the editor is quick. */
export const minNodes = 150;
export const maxNodes = 1_000;

export function needsPlacing(flow: Flow): boolean {
  return flow.nodes.length >= minNodes && flow.nodes.length <= maxNodes && positionsMissing(flow);
}

/** The flow with ELK's positions when it needs placing (see needsPlacing); otherwise the flow itself. */
export async function placeUnpositionedFlow(flow: Flow): Promise<Flow> {
  if (!needsPlacing(flow)) return flow;
  let positions: Map<string, { x: number; y: number }>;
  try {
    positions = new Map((await checkFlowOffLoop({ kind: 'layout', document: flow })).positions);
  } catch {
    return flow;
  }
  return { ...flow, nodes: flow.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) };
}
