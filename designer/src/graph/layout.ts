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

// Measured with 500 nodes / 600 edges: considerModelOrder multiplied the time by 4-5 and the
// greedy switch by 2; condition ports in a fixed order keep the true branch above the false one.
const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '32',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};
// The canvas draws its own edges, so ELK's routing only needs to be cheap: polylines.
const bigFlowOptions = {
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.thoroughness': '1',
};
const bigFlow = 150;

const firstOfEachId = (flow: Flow) => {
  const seen = new Set<string>();
  return flow.nodes.filter((node) => !seen.has(node.id) && seen.add(node.id) !== undefined);
};

const portId = (nodeId: string, handle: string) => `${nodeId}::${handle}`;

/** New positions per node id (top-left corners, as React Flow and the flow document use). */
export async function computeLayout(flow: Flow): Promise<Map<string, Position>> {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const conditions = new Set(flow.nodes.filter((node) => node.type === 'condition').map((node) => node.id));
  const graph = {
    id: 'root',
    layoutOptions: flow.nodes.length > bigFlow ? { ...layoutOptions, ...bigFlowOptions } : layoutOptions,
    children: firstOfEachId(flow).map((node) =>
      node.type === 'condition'
        ? {
            id: node.id,
            width: nodeWidth,
            height: nodeHeight,
            layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
            // Clockwise order on the east side runs top to bottom: true (0) above false (1).
            ports: ['true', 'false'].map((handle, index) => ({
              id: portId(node.id, handle),
              width: 8,
              height: 8,
              layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
            })),
          }
        : { id: node.id, width: nodeWidth, height: nodeHeight },
    ),
    edges: flow.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target)
      .map((edge) => ({
        id: edge.id,
        sources: [
          conditions.has(edge.source) && (edge.sourceHandle === 'true' || edge.sourceHandle === 'false')
            ? portId(edge.source, edge.sourceHandle)
            : edge.source,
        ],
        targets: [edge.target],
      })),
  };
  const laid = await (await loadElk()).layout(graph);
  const positions = new Map<string, Position>();
  for (const child of laid.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

/**
 * Loads ELK and lays out a tiny graph once: the first real layout then runs on warm (JIT-compiled)
 * code, which measured 3-8x faster than a cold first call.
 */
export async function warmLayout(): Promise<void> {
  const instance = await loadElk();
  await instance.layout({
    id: 'warm',
    layoutOptions: { ...layoutOptions, ...bigFlowOptions },
    children: [
      { id: 'a', width: 10, height: 10 },
      { id: 'b', width: 10, height: 10 },
    ],
    edges: [{ id: 'ab', sources: ['a'], targets: ['b'] }],
  });
}

export async function layoutFlow(flow: Flow): Promise<Flow> {
  return moveElements(flow, await computeLayout(flow));
}
