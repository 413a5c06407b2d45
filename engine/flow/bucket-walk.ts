// A depth-first walk from the triggers of one bucket (iterative: graphs are 5,000 nodes deep),
// giving a topological order of what they reach once the edges that close a cycle are dropped.
import type { FlowNode } from '../../schemas/index.ts';
import type { FlowGraph, OutgoingEdge } from './flow-graph.ts';
import { roleOf } from './node-kinds.ts';

/** An edge the walk follows: into a condition or an action, from a trigger or a condition. */
const followed = (edge: OutgoingEdge): boolean => {
  const role = roleOf(edge.target);
  return role === 'condition' || role === 'action';
};

export interface TriggerWalk {
  /** The triggers walked from, in document order. */
  sources: FlowNode[];
  /** Nodes in depth-first preorder (edges in document order); actions appear once each. */
  order: FlowNode[];
  /** Reverse postorder: a topological order once back edges are dropped. */
  topological: FlowNode[];
  /** Edges that close a cycle (validation reports FLOW_CYCLE); the walk never follows them. */
  backEdges: Set<OutgoingEdge>;
  /** forwardEdges, once per node. */
  forward: Map<string, OutgoingEdge[]>;
}

/** Iterative depth-first walk from a bucket's triggers, one after the other: graphs are 5,000 nodes deep. */
export function walkFrom(graph: FlowGraph, sources: FlowNode[]): TriggerWalk {
  const order: FlowNode[] = [];
  const postorder: FlowNode[] = [];
  const backEdges = new Set<OutgoingEdge>();
  const state = new Map<string, 'open' | 'done'>();
  for (const source of sources) {
    if (state.has(source.id)) continue;
    state.set(source.id, 'open');
    order.push(source);
    walkTree(graph, source, { order, postorder, backEdges, state });
  }
  return { sources, order, topological: postorder.reverse(), backEdges, forward: new Map() };
}

interface WalkState {
  order: FlowNode[];
  postorder: FlowNode[];
  backEdges: Set<OutgoingEdge>;
  state: Map<string, 'open' | 'done'>;
}

function walkTree(graph: FlowGraph, root: FlowNode, { order, postorder, backEdges, state }: WalkState): void {
  const stack: Array<{ node: FlowNode; next: number }> = [{ node: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: FlowNode; next: number };
    const edges = roleOf(top.node) === 'action' ? [] : (graph.outgoing.get(top.node.id) ?? []);
    const edge = edges[top.next++];
    if (!edge) {
      stack.pop();
      state.set(top.node.id, 'done');
      postorder.push(top.node);
      continue;
    }
    if (!followed(edge)) continue;
    const seen = state.get(edge.target.id);
    if (seen === 'open') backEdges.add(edge);
    if (seen !== undefined) continue;
    state.set(edge.target.id, 'open');
    order.push(edge.target);
    stack.push({ node: edge.target, next: 0 });
  }
}

/** The edges a walk follows out of a node, without those that close a cycle. */
export function forwardEdges(graph: FlowGraph, walk: TriggerWalk, node: FlowNode): OutgoingEdge[] {
  let edges = walk.forward.get(node.id);
  if (!edges) {
    edges =
      roleOf(node) === 'action'
        ? []
        : (graph.outgoing.get(node.id) ?? []).filter((edge) => followed(edge) && !walk.backEdges.has(edge));
    walk.forward.set(node.id, edges);
  }
  return edges;
}
