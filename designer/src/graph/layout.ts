// Auto-layout with elkjs: layered, left to right, condition outputs in true-then-false order.
// Notes keep their place (they annotate an area, not a node). Plain async function, no React.

import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ELKConstructorArguments } from 'elkjs/lib/elk-api.js';
import type { Flow } from '../../../schemas/types.generated.ts';
import { moveElements, type Position } from './flow-edits.ts';

export const nodeWidth = 240;
export const nodeHeight = 84;

// elkjs is CommonJS: under Node's ESM its constructor is the module itself, under Vite `.default`.
type ElkConstructor = new (options?: ELKConstructorArguments) => ELK;
const wrapped = elkModule as unknown as ElkConstructor & { default?: ElkConstructor };
const Elk: ElkConstructor = wrapped.default ?? wrapped;

let elk: ELK | undefined;

/** New positions per node id (top-left corners, as React Flow and the flow document use). */
export async function computeLayout(flow: Flow): Promise<Map<string, Position>> {
  elk ??= new Elk();
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
  const laid = await elk.layout(graph);
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
