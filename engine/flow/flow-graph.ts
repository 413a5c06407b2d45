// The flow as a graph: adjacency, cycle detection and reachability (rule-paths.ts lists the paths).
import type { Flow, FlowEdge, FlowNode } from '../../schemas/index.ts';
import { roleOf } from './node-kinds.ts';

export type Branch = 'true' | 'false';

export interface OutgoingEdge {
  edge: FlowEdge;
  target: FlowNode;
  /** Set on edges leaving a condition node. */
  branch?: Branch;
}

export interface FlowGraph {
  nodes: Map<string, FlowNode>;
  outgoing: Map<string, OutgoingEdge[]>;
  incoming: Map<string, FlowEdge[]>;
  triggers: FlowNode[];
}

export function buildGraph(flow: Flow): FlowGraph {
  const nodes = new Map<string, FlowNode>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const outgoing = new Map<string, OutgoingEdge[]>();
  const incoming = new Map<string, FlowEdge[]>();
  for (const node of nodes.values()) {
    outgoing.set(node.id, []);
    incoming.set(node.id, []);
  }
  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue;
    const branch = edge.sourceHandle === 'true' || edge.sourceHandle === 'false' ? edge.sourceHandle : undefined;
    outgoing.get(source.id)?.push(branch ? { edge, target, branch } : { edge, target });
    incoming.get(target.id)?.push(edge);
  }
  const triggers = [...nodes.values()].filter((node) => roleOf(node) === 'trigger');
  return { nodes, outgoing, incoming, triggers };
}

// Enough to show what to fix; a graph of 20,000 edges could close thousands of loops.
export const maxReportedCycles = 20;

/** Node ids on some cycle, each cycle reported once as the list of its nodes. Iterative: graphs are deep. */
export function findCycles(graph: FlowGraph): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  for (const start of [...graph.nodes.keys()].sort()) {
    if (state.has(start)) continue;
    const stack: Array<{ id: string; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 'visiting');
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const edge = (graph.outgoing.get(top.id) ?? [])[top.next++];
      if (!edge) {
        stack.pop();
        path.pop();
        state.set(top.id, 'done');
        continue;
      }
      const seen = state.get(edge.target.id);
      if (seen === 'visiting') {
        cycles.push(path.slice(path.indexOf(edge.target.id)));
        if (cycles.length === maxReportedCycles) return cycles;
      } else if (seen === undefined) {
        state.set(edge.target.id, 'visiting');
        path.push(edge.target.id);
        stack.push({ id: edge.target.id, next: 0 });
      }
    }
  }
  return cycles;
}

export function reachableFromTriggers(graph: FlowGraph): Set<string> {
  return reachableFrom(
    graph,
    graph.triggers.map((node) => node.id),
  );
}

/** Every node reachable from the given ones (themselves included). */
export function reachableFrom(graph: FlowGraph, startIds: readonly string[]): Set<string> {
  const reached = new Set<string>();
  const queue = [...startIds];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const { target } of graph.outgoing.get(id) ?? []) queue.push(target.id);
  }
  return reached;
}
