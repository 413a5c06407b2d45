// A flow file written by hand or generated often has every node at one spot (0,0): drawn as it is,
// the canvas shows one card. Such a flow is laid out when it opens; any other keeps its positions
// (opening never waits for ELK: 500 nodes take 0.3-1 s of layout).
import type { Flow } from '../../schemas/types.generated.ts';

/** Two or more nodes, all at the same position. */
export function positionsMissing(flow: Flow): boolean {
  const [first, ...rest] = flow.nodes;
  if (!first || rest.length === 0) return false;
  return rest.every((node) => node.position.x === first.position.x && node.position.y === first.position.y);
}
