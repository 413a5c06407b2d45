// The trigger→action paths that become rules. Paths are counted before they are listed (dynamic
// programming over the graph in topological order), so a flow whose paths double at every node
// costs time linear in its size: the walk stops at the limit instead of enumerating 2^n paths.
import type { FlowNode } from '../../schemas/index.ts';
import { forwardEdges, type TriggerWalk, walkFrom } from './bucket-walk.ts';
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
  /**
   * The triggers of that bucket reaching the action (one action is one rule per bucket), the
   * first maxNamedTriggers of them: enough to name in a message.
   */
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

export const maxNamedTriggers = 10;

// A flow with many diamonds could have exponentially many paths; past this the flow is rejected
// (validation reports FLOW_TOO_MANY_PATHS and the compiler refuses it).
export const maxPathsPerRule = 256;

// Every path step copies its node's condition tree into the rule, so a chain of conditions in
// front of a fan-out of actions multiplies: past this the flow is refused (FLOW_TOO_LARGE).
export const maxCompiledSize = 200_000;

// The three trigger comparisons every rule carries, plus its root group.
const ruleBaseSize = 4;

const stepOf = (node: FlowNode, edge: OutgoingEdge): PathStep | undefined =>
  node.type === 'condition' && edge.branch ? { conditionNodeId: node.id, branch: edge.branch } : undefined;

interface PathCounts {
  /** Paths from the bucket's triggers to each node, saturated at maxPathsPerRule + 1. */
  count: Map<string, number>;
  /** Sum over those paths of the condition-tree nodes their steps copy. */
  size: Map<string, number>;
  /** The first maxNamedTriggers sources reaching each node, in document order. */
  reachedBy: Map<string, FlowNode[]>;
}

/** The union of two lists of sources, in document order, cut at maxNamedTriggers. */
function mergeSources(a: readonly FlowNode[], b: readonly FlowNode[], order: Map<string, number>): FlowNode[] {
  const merged = [...new Set([...a, ...b])].sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  return merged.slice(0, maxNamedTriggers);
}

function countPaths(graph: FlowGraph, walk: TriggerWalk, sizes: Map<string, number>): PathCounts {
  const cap = maxPathsPerRule + 1;
  const count = new Map<string, number>(walk.sources.map((source) => [source.id, 1]));
  const size = new Map<string, number>();
  const sourceOrder = new Map(walk.sources.map((source, at) => [source.id, at]));
  const reachedBy = new Map<string, FlowNode[]>(walk.sources.map((source) => [source.id, [source]]));
  for (const node of walk.topological) {
    const paths = count.get(node.id) ?? 0;
    const sources = reachedBy.get(node.id) ?? [];
    for (const edge of forwardEdges(graph, walk, node)) {
      const target = edge.target.id;
      const known = reachedBy.get(target);
      // Lists are shared, never changed: a bucket of one trigger allocates none.
      if (known === undefined) reachedBy.set(target, sources);
      else if (known !== sources) reachedBy.set(target, mergeSources(known, sources, sourceOrder));
      count.set(target, Math.min(cap, (count.get(target) ?? 0) + paths));
      const stepSize = stepOf(node, edge) ? (sizes.get(node.id) ?? 0) : 0;
      size.set(
        target,
        Math.min(Number.MAX_SAFE_INTEGER, (size.get(target) ?? 0) + (size.get(node.id) ?? 0) + paths * stepSize),
      );
    }
  }
  return { count, size, reachedBy };
}

/** The nodes that lead to a listed action: only they are entered, and each has at most maxPathsPerRule paths. */
function leadingTo(graph: FlowGraph, walk: TriggerWalk, listed: Set<string>): Set<string> {
  const leads = new Set<string>();
  for (let at = walk.topological.length - 1; at >= 0; at--) {
    const node = walk.topological[at] as FlowNode;
    if (listed.has(node.id) || forwardEdges(graph, walk, node).some((edge) => leads.has(edge.target.id)))
      leads.add(node.id);
  }
  return leads;
}

/** Lists the paths from one trigger to every listed action (those with at most maxPathsPerRule paths). */
function listPaths(
  graph: FlowGraph,
  walk: TriggerWalk,
  leads: Set<string>,
  trigger: FlowNode,
): Map<string, PathStep[][]> {
  const found = new Map<string, PathStep[][]>();
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

/** A rule while it is counted: how many paths lead to it. */
type Counted = RulePaths & { count: number };

/** Triggers grouped by bucket, in document order of each bucket's first trigger. */
function triggersByBucket(graph: FlowGraph): FlowNode[][] {
  const buckets = new Map<string, FlowNode[]>();
  for (const trigger of graph.triggers) {
    const key = bucketOfTrigger(trigger);
    const list = buckets.get(key) ?? [];
    list.push(trigger);
    buckets.set(key, list);
  }
  return [...buckets.values()];
}

/** The rules of one bucket: one per action its triggers reach, paths counted over all of them. */
function bucketRules(walk: TriggerWalk, counts: PathCounts): Array<Counted & { size: number }> {
  const rules: Array<Counted & { size: number }> = [];
  for (const action of walk.order) {
    if (roleOf(action) !== 'action') continue;
    const count = counts.count.get(action.id) ?? 0;
    const triggers = counts.reachedBy.get(action.id) ?? [];
    rules.push({
      trigger: triggers[0] as FlowNode,
      triggers,
      action,
      paths: [],
      truncated: count > maxPathsPerRule,
      count,
      size: counts.size.get(action.id) ?? 0,
    });
  }
  return rules;
}

/**
 * The rules of a flow: per bucket (event type and selector) and action, every path from the
 * bucket's triggers to the action, trigger by trigger in document order, each depth-first
 * following edges in document order. Cycles are cut (validation reports them). Paths are only
 * listed when the flow is within maxCompiledSize and the rule within maxPathsPerRule; counting
 * stops at the first bucket past maxCompiledSize.
 */
export function collectRules(graph: FlowGraph): RuleCollection {
  const sizes = conditionSizes(graph);
  const rules: Counted[] = [];
  const walks: Array<{ walk: TriggerWalk; rules: Counted[] }> = [];
  let compiledSize = 0;
  for (const sources of triggersByBucket(graph)) {
    const walk = walkFrom(graph, sources);
    const found = bucketRules(walk, countPaths(graph, walk, sizes));
    // A truncated rule is refused on its own (FLOW_TOO_MANY_PATHS): its size is not counted.
    for (const rule of found) compiledSize += ruleBaseSize + (rule.truncated ? 0 : rule.size);
    rules.push(...found);
    walks.push({ walk, rules: found });
    if (compiledSize > maxCompiledSize) break;
  }
  if (compiledSize <= maxCompiledSize) {
    for (const { walk, rules: found } of walks) {
      const listed = new Set(found.filter((rule) => !rule.truncated).map((rule) => rule.action.id));
      if (listed.size === 0) continue;
      const leads = leadingTo(graph, walk, listed);
      for (const trigger of walk.sources) {
        const paths = listPaths(graph, walk, leads, trigger);
        for (const rule of found) if (!rule.truncated) rule.paths.push(...(paths.get(rule.action.id) ?? []));
      }
    }
  }
  return {
    rules: rules.map(({ trigger, triggers, action, paths, truncated }) => ({
      trigger,
      triggers,
      action,
      paths,
      truncated,
    })),
    compiledSize: Math.min(compiledSize, Number.MAX_SAFE_INTEGER),
  };
}

export function collectRulePaths(graph: FlowGraph): RulePaths[] {
  return collectRules(graph).rules;
}
