// The trigger→action paths that become rules. Paths are counted before they are listed (dynamic
// programming over the graph in topological order), so a flow whose paths double at every node
// costs time linear in its size: the walk stops at the limit instead of enumerating 2^n paths.
import type { FlowNode } from '../../schemas/index.ts';
import { conditionSize } from './condition-size.ts';
import type { Branch, FlowGraph, OutgoingEdge } from './flow-graph.ts';
import { roleOf, triggerOf } from './node-kinds.ts';

/** One step of a path through a condition node: which output it left by. */
export interface PathStep {
  conditionNodeId: string;
  branch: Branch;
}

export interface RulePaths {
  /** The first trigger (in document order) of the bucket that reaches the action. */
  trigger: FlowNode;
  /** Every trigger of that bucket reaching the action: one action is one rule per bucket. */
  triggers: FlowNode[];
  action: FlowNode;
  /** Every distinct way from the triggers to the action; the rule fires if any of them holds. */
  paths: PathStep[][];
  /** More than maxPathsPerRule paths exist: the rule cannot be compiled faithfully (paths is empty). */
  truncated: boolean;
}

export interface RuleCollection {
  rules: RulePaths[];
  /** Condition-tree nodes the compiled rules would hold (exact unless a rule is truncated). */
  compiledSize: number;
}

// A flow with many diamonds could have exponentially many paths; past this the flow is rejected
// (validation reports FLOW_TOO_MANY_PATHS and the compiler refuses it).
export const maxPathsPerRule = 256;

// Every path step copies its node's condition tree into the rule, so a chain of conditions in
// front of a fan-out of actions multiplies: past this the flow is refused (FLOW_TOO_LARGE).
export const maxCompiledSize = 200_000;

// The three trigger comparisons every rule carries, plus its root group.
const ruleBaseSize = 4;

/** An edge the walk follows: into a condition or an action, from a trigger or a condition. */
const followed = (edge: OutgoingEdge): boolean => {
  const role = roleOf(edge.target);
  return role === 'condition' || role === 'action';
};

const stepOf = (node: FlowNode, edge: OutgoingEdge): PathStep | undefined =>
  node.type === 'condition' && edge.branch ? { conditionNodeId: node.id, branch: edge.branch } : undefined;

interface TriggerWalk {
  /** Nodes in depth-first preorder (edges in document order); actions appear once each. */
  order: FlowNode[];
  /** Reverse postorder: a topological order once back edges are dropped. */
  topological: FlowNode[];
  /** Edges that close a cycle (validation reports FLOW_CYCLE); the walk never follows them. */
  backEdges: Set<OutgoingEdge>;
}

/** Iterative depth-first walk from a trigger: the graph may be 5,000 nodes deep. */
function walkFrom(graph: FlowGraph, trigger: FlowNode): TriggerWalk {
  const order: FlowNode[] = [];
  const postorder: FlowNode[] = [];
  const backEdges = new Set<OutgoingEdge>();
  const state = new Map<string, 'open' | 'done'>([[trigger.id, 'open']]);
  const stack: Array<{ node: FlowNode; next: number }> = [{ node: trigger, next: 0 }];
  order.push(trigger);
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
  return { order, topological: postorder.reverse(), backEdges };
}

const forwardEdges = (graph: FlowGraph, walk: TriggerWalk, node: FlowNode): OutgoingEdge[] =>
  roleOf(node) === 'action'
    ? []
    : (graph.outgoing.get(node.id) ?? []).filter((edge) => followed(edge) && !walk.backEdges.has(edge));

interface PathCounts {
  /** Paths from the trigger to each node, saturated at maxPathsPerRule + 1. */
  count: Map<string, number>;
  /** Sum over those paths of the condition-tree nodes their steps copy. */
  size: Map<string, number>;
}

function countPaths(graph: FlowGraph, walk: TriggerWalk, sizes: Map<string, number>): PathCounts {
  const cap = maxPathsPerRule + 1;
  const count = new Map<string, number>([[walk.order[0]?.id as string, 1]]);
  const size = new Map<string, number>();
  for (const node of walk.topological) {
    const paths = count.get(node.id) ?? 0;
    for (const edge of forwardEdges(graph, walk, node)) {
      const target = edge.target.id;
      count.set(target, Math.min(cap, (count.get(target) ?? 0) + paths));
      const stepSize = stepOf(node, edge) ? (sizes.get(node.id) ?? 0) : 0;
      size.set(
        target,
        Math.min(Number.MAX_SAFE_INTEGER, (size.get(target) ?? 0) + (size.get(node.id) ?? 0) + paths * stepSize),
      );
    }
  }
  return { count, size };
}

/** Lists the paths to every action that has at most maxPathsPerRule of them, without entering the rest. */
function listPaths(graph: FlowGraph, walk: TriggerWalk, listed: Set<string>): Map<string, PathStep[][]> {
  // Only nodes that lead to a listed action are entered: each has at most maxPathsPerRule paths.
  const leads = new Set<string>();
  for (let at = walk.topological.length - 1; at >= 0; at--) {
    const node = walk.topological[at] as FlowNode;
    if (listed.has(node.id) || forwardEdges(graph, walk, node).some((edge) => leads.has(edge.target.id)))
      leads.add(node.id);
  }
  const found = new Map<string, PathStep[][]>();
  const trigger = walk.order[0] as FlowNode;
  if (!leads.has(trigger.id)) return found;
  const steps: PathStep[] = [];
  const stack: Array<{ node: FlowNode; edges: OutgoingEdge[]; next: number; pushed: boolean }> = [
    { node: trigger, edges: forwardEdges(graph, walk, trigger), next: 0, pushed: false },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const edge = top.edges[top.next++];
    if (!edge) {
      stack.pop();
      if (top.pushed) steps.pop();
      continue;
    }
    if (!leads.has(edge.target.id)) continue;
    const step = stepOf(top.node, edge);
    if (step) steps.push(step);
    if (roleOf(edge.target) === 'action') {
      const paths = found.get(edge.target.id) ?? [];
      paths.push([...steps]);
      found.set(edge.target.id, paths);
      if (step) steps.pop();
    } else {
      stack.push({ node: edge.target, edges: forwardEdges(graph, walk, edge.target), next: 0, pushed: !!step });
    }
  }
  return found;
}

const bucketOfTrigger = (node: FlowNode): string => {
  const trigger = triggerOf(node);
  return trigger ? `${trigger.eventType}\u0000${trigger.selector}` : node.id;
};

function conditionSizes(graph: FlowGraph): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const node of graph.nodes.values())
    if (node.type === 'condition') sizes.set(node.id, conditionSize(node.data.conditions) + 1);
  return sizes;
}

/** A rule while it is counted: its paths so far, and the condition nodes they would copy. */
type Counted = RulePaths & { count: number; size: number };

interface Reached {
  trigger: FlowNode;
  rules: Counted[];
}

/**
 * The rules of a flow: per bucket (event type and selector) and action, every path from the
 * bucket's triggers to the action, in depth-first order following edges in document order.
 * Cycles are cut (validation reports them). Paths are only listed when the flow is within
 * maxCompiledSize and the rule within maxPathsPerRule; counting stops once the flow is past it.
 */
export function collectRules(graph: FlowGraph): RuleCollection {
  const sizes = conditionSizes(graph);
  const byKey = new Map<string, Counted>();
  const reached: Reached[] = [];
  let compiledSize = 0;
  for (const trigger of graph.triggers) {
    if (compiledSize > maxCompiledSize) break;
    const walk = walkFrom(graph, trigger);
    const counts = countPaths(graph, walk, sizes);
    const entry: Reached = { trigger, rules: [] };
    reached.push(entry);
    for (const action of walk.order) {
      if (roleOf(action) !== 'action') continue;
      const key = `${bucketOfTrigger(trigger)}\u0000${action.id}`;
      let rule = byKey.get(key);
      if (!rule) {
        rule = { trigger, triggers: [], action, paths: [], truncated: false, count: 0, size: 0 };
        byKey.set(key, rule);
        compiledSize += ruleBaseSize;
      }
      entry.rules.push(rule);
      rule.triggers.push(trigger);
      // A truncated rule is refused on its own (FLOW_TOO_MANY_PATHS): its size is not counted.
      if (!rule.truncated) compiledSize -= rule.size;
      rule.count += counts.count.get(action.id) ?? 0;
      rule.size = Math.min(Number.MAX_SAFE_INTEGER, rule.size + (counts.size.get(action.id) ?? 0));
      rule.truncated = rule.count > maxPathsPerRule;
      if (!rule.truncated) compiledSize = Math.min(Number.MAX_SAFE_INTEGER, compiledSize + rule.size);
    }
  }
  if (compiledSize <= maxCompiledSize) {
    for (const { trigger, rules } of reached) {
      const listed = new Set(rules.filter((rule) => !rule.truncated).map((rule) => rule.action.id));
      if (listed.size === 0) continue;
      const found = listPaths(graph, walkFrom(graph, trigger), listed);
      for (const rule of rules) if (!rule.truncated) rule.paths.push(...(found.get(rule.action.id) ?? []));
    }
  }
  return { rules: [...byKey.values()].map(({ count: _count, size: _size, ...rule }) => rule), compiledSize };
}

export function collectRulePaths(graph: FlowGraph): RulePaths[] {
  return collectRules(graph).rules;
}
