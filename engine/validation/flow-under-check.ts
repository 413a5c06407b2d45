// What every semantic check reads: the flow, its graph, where each node sits in the document,
// which triggers reach each node, and the trigger→action paths the compiler would turn into rules.
import type { Flow, FlowNode } from '../../schemas/index.ts';
import { buildGraph, collectRulePaths, type FlowGraph, type RulePaths } from '../flow/flow-graph.ts';

export interface FlowUnderCheck {
  flow: Flow;
  graph: FlowGraph;
  /** Index of each node id's first occurrence in flow.nodes (the one the graph keeps). */
  nodeIndex: ReadonlyMap<string, number>;
  /** For each node, the triggers it can be reached from, in document order. */
  triggersReaching: ReadonlyMap<string, readonly FlowNode[]>;
  rulePaths: readonly RulePaths[];
}

function reachFrom(graph: FlowGraph, trigger: FlowNode): Set<string> {
  const reached = new Set<string>();
  const queue = [trigger.id];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const { target } of graph.outgoing.get(id) ?? []) queue.push(target.id);
  }
  return reached;
}

export function prepareFlow(flow: Flow): FlowUnderCheck {
  const graph = buildGraph(flow);
  const nodeIndex = new Map<string, number>();
  flow.nodes.forEach((node, index) => {
    if (!nodeIndex.has(node.id)) nodeIndex.set(node.id, index);
  });
  const triggersReaching = new Map<string, FlowNode[]>();
  for (const trigger of graph.triggers) {
    for (const id of reachFrom(graph, trigger)) {
      const triggers = triggersReaching.get(id) ?? [];
      triggers.push(trigger);
      triggersReaching.set(id, triggers);
    }
  }
  return { flow, graph, nodeIndex, triggersReaching, rulePaths: collectRulePaths(graph) };
}

/** `/nodes/3`, or `/nodes/3/data/stageId` with a suffix. */
export function nodePointer(subject: FlowUnderCheck, nodeId: string, suffix = ''): string {
  return `/nodes/${subject.nodeIndex.get(nodeId) ?? -1}${suffix}`;
}

/** The nodes of the flow once each (first occurrence of an id), in document order. */
export function uniqueNodes(subject: FlowUnderCheck): FlowNode[] {
  return [...subject.graph.nodes.values()];
}
