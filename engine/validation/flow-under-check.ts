// What every semantic check reads: the flow, its graph, where each node sits in the document,
// which triggers reach each node, and the trigger→action paths the compiler would turn into rules.
import type { Flow, FlowNode } from '../../schemas/index.ts';
import { buildGraph, type FlowGraph, reachableFrom } from '../flow/flow-graph.ts';
import { collectRules, type RulePaths } from '../flow/rule-paths.ts';

export interface FlowUnderCheck {
  flow: Flow;
  graph: FlowGraph;
  /** Index of each node id's first occurrence in flow.nodes (the one the graph keeps). */
  nodeIndex: ReadonlyMap<string, number>;
  /** For each node, the triggers it can be reached from, in document order. */
  triggersReaching: ReadonlyMap<string, readonly FlowNode[]>;
  rulePaths: readonly RulePaths[];
  /** Condition-tree nodes the compiled rules would hold (see maxCompiledSize). */
  compiledSize: number;
}

export function prepareFlow(flow: Flow): FlowUnderCheck {
  const graph = buildGraph(flow);
  const nodeIndex = new Map<string, number>();
  flow.nodes.forEach((node, index) => {
    if (!nodeIndex.has(node.id)) nodeIndex.set(node.id, index);
  });
  const triggersReaching = new Map<string, FlowNode[]>();
  for (const trigger of graph.triggers) {
    for (const id of reachableFrom(graph, [trigger.id])) {
      const triggers = triggersReaching.get(id) ?? [];
      triggers.push(trigger);
      triggersReaching.set(id, triggers);
    }
  }
  const { rules, compiledSize } = collectRules(graph);
  return { flow, graph, nodeIndex, triggersReaching, rulePaths: rules, compiledSize };
}

/** `/nodes/3`, or `/nodes/3/data/stageId` with a suffix. */
export function nodePointer(subject: FlowUnderCheck, nodeId: string, suffix = ''): string {
  return `/nodes/${subject.nodeIndex.get(nodeId) ?? -1}${suffix}`;
}

/** The nodes of the flow once each (first occurrence of an id), in document order. */
export function uniqueNodes(subject: FlowUnderCheck): FlowNode[] {
  return [...subject.graph.nodes.values()];
}
