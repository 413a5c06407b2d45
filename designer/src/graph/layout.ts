// Auto-layout with elkjs: layered, left to right, condition outputs in true-then-false order.
// Notes keep their place (they annotate an area, not a node). Plain async function, no React:
// ELK itself runs in a Web Worker in the page and in-process in Node (elk-engine.ts).
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Flow } from '../../../schemas/types.generated.ts';
import { dropWorker, type ElkPlace, elkAt } from './elk-engine.ts';
import { moveElements, type Position } from './flow-edits.ts';

export const nodeWidth = 240;
export const nodeHeight = 84;

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

async function runLayout(graph: ElkNode, place: ElkPlace): Promise<ElkNode> {
  try {
    return await (await elkAt(place)).layout(graph);
  } catch (error) {
    if (place !== 'worker') throw error;
    // The worker did not start (blocked, missing file): the page lays out by itself, as before.
    console.error(error);
    dropWorker();
    return (await elkAt('inProcess')).layout(graph);
  }
}

// The last graph laid out per place and its answer (or the layout in flight): moves do not change
// ELK's input, so "lay out again" after dragging, or right after the editor prepared the layout of
// the flow it opened (prepareLayout), answers without running ELK again.
const lastLayouts = new Map<ElkPlace, { key: string; laid: Promise<ElkNode> }>();

function laidOut(graph: ElkNode, place: ElkPlace): Promise<ElkNode> {
  const key = JSON.stringify(graph);
  const last = lastLayouts.get(place);
  if (last?.key === key) return last.laid;
  const laid = runLayout(graph, place);
  lastLayouts.set(place, { key, laid });
  laid.catch(() => lastLayouts.get(place)?.laid === laid && lastLayouts.delete(place));
  return laid;
}

/**
 * New positions per node id (top-left corners, as React Flow and the flow document use).
 * `place` is where ELK runs: the worker (in-process where there is none) or, for the bench's
 * baseline, in-process on the calling thread.
 */
export async function computeLayout(flow: Flow, place: ElkPlace = 'worker'): Promise<Map<string, Position>> {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const conditions = new Set(flow.nodes.filter((node) => node.type === 'condition').map((node) => node.id));
  const graph: ElkNode = {
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
  const laid = await laidOut(graph, place);
  const positions = new Map<string, Position>();
  for (const child of laid.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}

/**
 * Starts ELK and lays out a small flow-shaped graph once (where the real layouts will run): the
 * first real layout then runs on warm (JIT-compiled) code, which measured 3-8x faster than a cold
 * first call. In the worker this costs the page nothing.
 */
export function warmLayout(place: ElkPlace = 'worker'): Promise<void> {
  // Once per place: the editor's idle call and the bench's share one warm-up.
  let warming = warmed.get(place);
  if (!warming) {
    warming = warmOnce(place);
    warmed.set(place, warming);
  }
  return warming;
}

const warmed = new Map<ElkPlace, Promise<void>>();

async function warmOnce(place: ElkPlace): Promise<void> {
  const children: ElkNode[] = [];
  const edges: { id: string; sources: string[]; targets: string[] }[] = [];
  for (let group = 0; group < 8; group++) {
    const id = (name: string) => `${group}-${name}`;
    children.push({ id: id('trigger'), width: nodeWidth, height: nodeHeight });
    children.push({
      id: id('condition'),
      width: nodeWidth,
      height: nodeHeight,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: ['true', 'false'].map((handle, index) => ({
        id: portId(id('condition'), handle),
        width: 8,
        height: 8,
        layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(index) },
      })),
    });
    children.push({ id: id('a'), width: nodeWidth, height: nodeHeight });
    children.push({ id: id('b'), width: nodeWidth, height: nodeHeight });
    edges.push({ id: id('t'), sources: [id('trigger')], targets: [id('condition')] });
    edges.push({ id: id('ta'), sources: [portId(id('condition'), 'true')], targets: [id('a')] });
    edges.push({ id: id('fb'), sources: [portId(id('condition'), 'false')], targets: [id('b')] });
    edges.push({ id: id('tb'), sources: [id('trigger')], targets: [id('b')] });
  }
  // One pass: it loads and starts ELK; the editor's prepareLayout of the open flow then warms the
  // JIT best (more passes here only delayed a flow laid out as it opens, measured: +200-400 ms).
  await runLayout({ id: 'warm', layoutOptions: { ...layoutOptions, ...bigFlowOptions }, children, edges }, place);
}

export async function layoutFlow(flow: Flow, place: ElkPlace = 'worker'): Promise<Flow> {
  return moveElements(flow, await computeLayout(flow, place));
}

/**
 * Lays the flow out in the worker ahead of any request (the editor calls it on idle once a flow is
 * open), so Auto-layout applies at once while the flow's nodes and edges stay as they are. Off the
 * page's thread, and the best warm-up ELK can get.
 */
export async function prepareLayout(flow: Flow): Promise<void> {
  await warmLayout('worker');
  await computeLayout(flow, 'worker');
}
