// The flow as a graph: adjacency, cycle detection and the trigger→action paths that become rules.
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

/** Node ids on some cycle, each cycle reported once as the list of its nodes. */
export function findCycles(graph: FlowGraph): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string): void => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const { target } of graph.outgoing.get(id) ?? []) {
      const seen = state.get(target.id);
      if (seen === 'visiting') cycles.push(stack.slice(stack.indexOf(target.id)));
      else if (seen === undefined) visit(target.id);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...graph.nodes.keys()].sort()) if (!state.has(id)) visit(id);
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

/** One step of a path through a condition node: which output it left by. */
export interface PathStep {
  conditionNodeId: string;
  branch: Branch;
}

export interface RulePaths {
  trigger: FlowNode;
  action: FlowNode;
  /** Every distinct way from the trigger to the action; the rule fires if any of them holds. */
  paths: PathStep[][];
  /** More than maxPathsPerRule paths exist: the rule cannot be compiled faithfully. */
  truncated: boolean;
}

// A flow with many diamonds could have exponentially many paths; past this the flow is rejected
// (validation reports FLOW_TOO_MANY_PATHS and the compiler refuses it).
export const maxPathsPerRule = 256;

/**
 * Walks from each trigger to each action it reaches (depth-first, following edges in document
 * order) and groups the paths per (trigger, action) pair. Cycles are cut: validation reports them.
 */
export function collectRulePaths(graph: FlowGraph): RulePaths[] {
  const rules: RulePaths[] = [];
  for (const trigger of graph.triggers) {
    const byAction = new Map<string, RulePaths>();
    const walk = (node: FlowNode, steps: PathStep[], onPath: Set<string>): void => {
      for (const { target, branch } of graph.outgoing.get(node.id) ?? []) {
        if (onPath.has(target.id)) continue;
        const role = roleOf(target);
        const nextSteps =
          roleOf(node) === 'condition' && branch ? [...steps, { conditionNodeId: node.id, branch }] : steps;
        if (role === 'action') {
          let entry = byAction.get(target.id);
          if (!entry) {
            entry = { trigger, action: target, paths: [], truncated: false };
            byAction.set(target.id, entry);
          }
          if (entry.paths.length < maxPathsPerRule) entry.paths.push(nextSteps);
          else entry.truncated = true;
        } else if (role === 'condition') {
          onPath.add(target.id);
          walk(target, nextSteps, onPath);
          onPath.delete(target.id);
        }
      }
    };
    walk(trigger, [], new Set([trigger.id]));
    rules.push(...byAction.values());
  }
  return rules;
}
