// ELK's positions for a flow, in the flow-check worker (never on the event loop): the designer's
// own layout (designer/src/graph/layout.ts: layered, left to right, the same options), so a flow
// the runtime placed looks as if the editor's Auto-layout had placed it.
import { computeLayout } from '../../designer/src/graph/layout.ts';
import type { Flow } from '../../schemas/index.ts';

export async function layoutPositions(flow: Flow): Promise<[string, { x: number; y: number }][]> {
  return [...(await computeLayout(flow, 'inProcess'))];
}
