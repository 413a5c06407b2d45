// The ELK graph of a flow and the positions ELK gives back: layered, left to right, condition
// outputs in true-then-false order. One definition for the designer's Auto-layout (which runs ELK
// in a Web Worker) and the runtime's placing of unpositioned flows (ELK in a worker thread), so a
// flow the runtime placed looks as the editor would have placed it. Pure: ELK itself runs outside.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Flow } from '../../schemas/types.generated.ts';

export const nodeWidth = 240;
export const nodeHeight = 84;

// Measured with 500 nodes / 600 edges: considerModelOrder multiplied the time by 4-5 and the
// greedy switch by 2; condition ports in a fixed order keep the true branch above the false one.
export const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '32',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};
// The canvas draws its own edges, so ELK's routing only needs to be cheap: polylines.
export const bigFlowOptions = {
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.thoroughness': '1',
};
export const bigFlow = 150;

export type LayoutPosition = { x: number; y: number };

const firstOfEachId = (flow: Flow) => {
  const seen = new Set<string>();
  return flow.nodes.filter((node) => !seen.has(node.id) && seen.add(node.id) !== undefined);
};

export const portId = (nodeId: string, handle: string): string => `${nodeId}::${handle}`;

/** A condition's card with its two ports on the east side, true (0) above false (1). */
export function conditionElkNode(id: string): ElkNode {
  return {
    id,
    width: nodeWidth,
    height: nodeHeight,
    layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
    ports: ['true', 'false'].map((handle, index) => ({
      id: portId(id, handle),
      width: 8,
      height: 8,
      layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
    })),
  };
}

export function flowLayoutGraph(flow: Flow): ElkNode {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const conditions = new Set(flow.nodes.filter((node) => node.type === 'condition').map((node) => node.id));
  return {
    id: 'root',
    layoutOptions: flow.nodes.length > bigFlow ? { ...layoutOptions, ...bigFlowOptions } : layoutOptions,
    children: firstOfEachId(flow).map((node) =>
      node.type === 'condition' ? conditionElkNode(node.id) : { id: node.id, width: nodeWidth, height: nodeHeight },
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
}

/** New positions per node id (top-left corners, as React Flow and the flow document use). */
export function positionsFromLayout(laid: ElkNode): Map<string, LayoutPosition> {
  const positions = new Map<string, LayoutPosition>();
  for (const child of laid.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
