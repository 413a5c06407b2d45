// Auto-layout with elkjs: layered, left to right, condition outputs in true-then-false order.
// Notes keep their place (they annotate an area, not a node). Plain async function, no React.
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import type { Flow } from '../../../schemas/types.generated.ts';
import { moveElements, type Position } from './flow-edits.ts';

export const nodeWidth = 240;
export const nodeHeight = 84;

type ElkConstructor = new (options?: ELKConstructorArguments) => ELK;

let elk: ELK | undefined;

// elkjs is 1.5 MB: loaded on the first layout, not with the app. It is CommonJS, so its
// constructor arrives as `.default` (Vite, Node) or doubly wrapped.
async function loadElk(): Promise<ELK> {
  if (elk) return elk;
  const module = (await import('elkjs/lib/elk.bundled.js')) as unknown as {
    default: ElkConstructor | { default: ElkConstructor };
  };
  const Elk = typeof module.default === 'function' ? module.default : module.default.default;
  elk = new Elk();
  return elk;
}

/** New positions per node id (top-left corners, as React Flow and the flow document use). */
export async function computeLayout(flow: Flow): Promise<Map<string, Position>> {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '32',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: flow.nodes.map((node) => ({ id: node.id, width: nodeWidth, height: nodeHeight })),
    edges: flow.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target)
      // true edges first: with model order respected, the true branch lands above the false one.
      .sort((a, b) => handleRank(a.sourceHandle) - handleRank(b.sourceHandle))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
  const laid = await (await loadElk()).layout(graph);
  const positions = new Map<string, Position>();
  for (const child of laid.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

function handleRank(handle: string | null | undefined): number {
  return handle === 'true' ? 0 : handle === 'false' ? 2 : 1;
}

export async function layoutFlow(flow: Flow): Promise<Flow> {
  return moveElements(flow, await computeLayout(flow));
}
