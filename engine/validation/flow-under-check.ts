// What every semantic check reads: the flow, its graph, where each node sits in the document,
// which triggers reach each node, and the trigger→action paths the compiler would turn into rules.
import type { Flow, FlowNode } from '../../schemas/index.ts';
import { buildGraph, type FlowGraph } from '../flow/flow-graph.ts';
import { collectRules, type RulePaths } from '../flow/rule-paths.ts';

export interface FlowUnderCheck {
  flow: Flow;
  graph: FlowGraph;
  /** Index of each node id's first occurrence in flow.nodes (the one the graph keeps). */
  nodeIndex: ReadonlyMap<string, number>;
  /**
   * For each node, the triggers it can be reached from, in document order: of each event type the
   * first maxTriggersPerType, which is what the checks name (2,500 triggers × 2,500 nodes would be
   * millions of entries).
   */
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
  const { rules, compiledSize } = collectRules(graph);
  return { flow, graph, nodeIndex, triggersReaching: triggersReachingEach(graph), rulePaths: rules, compiledSize };
}

export const maxTriggersPerType = 10;

/**
 * Trigger by trigger in document order, a walk that stops at nodes already holding
 * maxTriggersPerType triggers of its type: everything such a node reaches holds them too (each of
 * those earlier triggers reached it through the node), so the walk prunes nothing it would record.
 */
function triggersReachingEach(graph: FlowGraph): Map<string, FlowNode[]> {
  const byType = new Map<string, Map<string, FlowNode[]>>();
  for (const trigger of graph.triggers) {
    const type = trigger.type;
    const reached = byType.get(type) ?? new Map<string, FlowNode[]>();
    byType.set(type, reached);
    const pending = [trigger.id];
    const seen = new Set(pending);
    while (pending.length > 0) {
      const id = pending.pop() as string;
      const triggers = reached.get(id) ?? [];
      if (triggers.length >= maxTriggersPerType) continue;
      triggers.push(trigger);
      reached.set(id, triggers);
      for (const { target } of graph.outgoing.get(id) ?? []) {
        if (seen.has(target.id)) continue;
        seen.add(target.id);
        pending.push(target.id);
      }
    }
  }
  const position = new Map(graph.triggers.map((trigger, at) => [trigger.id, at]));
  const result = new Map<string, FlowNode[]>();
  for (const reached of byType.values()) {
    for (const [id, triggers] of reached) result.set(id, [...(result.get(id) ?? []), ...triggers]);
  }
  for (const triggers of result.values())
    triggers.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return result;
}

/** `/nodes/3`, or `/nodes/3/data/stageId` with a suffix. */
export function nodePointer(subject: FlowUnderCheck, nodeId: string, suffix = ''): string {
  return `/nodes/${subject.nodeIndex.get(nodeId) ?? -1}${suffix}`;
}

/** The nodes of the flow once each (first occurrence of an id), in document order. */
export function uniqueNodes(subject: FlowUnderCheck): FlowNode[] {
  return [...subject.graph.nodes.values()];
}
