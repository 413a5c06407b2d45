// ELK's positions for a flow, in the flow-check worker (never on the event loop), from the graph
// and options the designer's Auto-layout uses (engine/layout/flow-layout-graph.ts), so a flow the
// runtime placed looks as if the editor had placed it.
import type { ELK } from 'elkjs/lib/elk-api.js';
import { flowLayoutGraph, positionsFromLayout } from '../../engine/layout/flow-layout-graph.ts';
import type { Flow } from '../../schemas/index.ts';

let elk: Promise<ELK> | undefined;

async function startElk(): Promise<ELK> {
  const bundled = (await import('elkjs/lib/elk.bundled.js')) as unknown as { default: new () => ELK };
  return new bundled.default();
}

export async function layoutPositions(flow: Flow): Promise<[string, { x: number; y: number }][]> {
  elk ??= startElk();
  return [...positionsFromLayout(await (await elk).layout(flowLayoutGraph(flow)))];
}
