// Auto-layout with elkjs: the graph and options of engine/layout/flow-layout-graph.ts, run in a
// Web Worker in the page and in-process in Node (elk-engine.ts). Notes keep their place (they
// annotate an area, not a node). Plain async function, no React.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import {
  bigFlowOptions,
  conditionElkNode,
  flowLayoutGraph,
  layoutOptions,
  nodeHeight,
  nodeWidth,
  portId,
  positionsFromLayout,
} from '../../../engine/layout/flow-layout-graph.ts';
import type { Flow } from '../../../schemas/types.generated.ts';
import { dropWorker, type ElkPlace, elkAt } from './elk-engine.ts';
import { moveElements, type Position } from './flow-edits.ts';

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
  return positionsFromLayout(await laidOut(flowLayoutGraph(flow), place));
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
    children.push(conditionElkNode(id('condition')));
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

export { nodeHeight, nodeWidth };
