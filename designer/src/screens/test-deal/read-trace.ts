// Reads an evaluation trace back onto the flow that was compiled: which nodes and edges the event
// reached, each condition node's result with its comparisons and fact values, and what became of
// each action (planned, suppressed by another rule, not fired). Pure: the canvas overlay and the
// notes are built from this.
import { compileCondition } from '../../../../engine/compile/compile-condition.ts';
import { buildGraph } from '../../../../engine/flow/flow-graph.ts';
import { bucketKey, roleOf, triggerOf } from '../../../../engine/flow/node-kinds.ts';
import type {
  ActionPlan,
  ComparisonTrace,
  Condition,
  ConditionTrace,
  Flow,
  GroupTrace,
  RuleSet,
} from '../../../../schemas/index.ts';

export interface ConditionFinding {
  result: boolean;
  comparisons: ComparisonTrace[];
}

export type ActionFinding =
  | { state: 'planned'; ruleName: string }
  | { state: 'suppressed'; ruleName: string; wonBy: string; wonByNodeId: string | undefined }
  | { state: 'notFired' };

export interface TraceReading {
  /** Trigger, condition and action nodes the event got to, in walk order. */
  reached: string[];
  edgeTaken: string[];
  conditions: Map<string, ConditionFinding>;
  actions: Map<string, ActionFinding>;
}

function isGroup(trace: ConditionTrace): trace is GroupTrace {
  return 'group' in trace;
}

export function comparisonsOf(trace: ConditionTrace): ComparisonTrace[] {
  if (!isGroup(trace)) return [trace];
  return trace.children.flatMap(comparisonsOf);
}

function sameShape(trace: ConditionTrace, condition: Condition): boolean {
  if ('all' in condition || 'any' in condition || 'not' in condition) {
    if (!isGroup(trace)) return false;
    const [group, members] =
      'all' in condition
        ? ['all', condition.all]
        : 'any' in condition
          ? ['any', condition.any]
          : ['not', [condition.not]];
    return (
      trace.group === group &&
      trace.children.length === members.length &&
      members.every((member, at) => sameShape(trace.children[at] as ConditionTrace, member))
    );
  }
  return (
    !isGroup(trace) &&
    trace.fact === condition.fact &&
    trace.operator === condition.operator &&
    JSON.stringify(trace.value) === JSON.stringify(condition.value)
  );
}

/** The subtree of a rule's trace that is this condition node's own (compiled) condition. */
function findNodeTrace(trace: ConditionTrace, compiled: Condition): ConditionTrace | undefined {
  if (sameShape(trace, compiled)) return trace;
  if (!isGroup(trace)) return undefined;
  for (const child of trace.children) {
    const found = findNodeTrace(child, compiled);
    if (found) return found;
  }
  return undefined;
}

// Matched by shape rather than by position in the rule, so that the reading does not depend on how
// the compiler lays out paths (one path, `any` of several, several triggers of one bucket).
function readConditions(flow: Flow, ruleSet: RuleSet, plan: ActionPlan): Map<string, ConditionFinding> {
  const findings = new Map<string, ConditionFinding>();
  const traceByRule = new Map((plan.trace ?? []).map((rule) => [rule.ruleName, rule]));
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  for (const rule of ruleSet.rules) {
    const trace = traceByRule.get(rule.name);
    if (!trace) continue;
    for (const nodeId of rule.event.params.conditionNodeIds) {
      const node = nodes.get(nodeId);
      if (findings.has(nodeId) || node?.type !== 'condition') continue;
      const nodeTrace = findNodeTrace(trace.conditions, compileCondition(node.data.conditions));
      if (nodeTrace) findings.set(nodeId, { result: nodeTrace.result, comparisons: comparisonsOf(nodeTrace) });
    }
  }
  return findings;
}

function walk(flow: Flow, plan: ActionPlan, conditions: Map<string, ConditionFinding>) {
  const graph = buildGraph(flow);
  const reached: string[] = [];
  const edgeTaken: string[] = [];
  const seen = new Set<string>();
  const queue = graph.triggers
    .filter((node) => {
      const trigger = triggerOf(node);
      return trigger && bucketKey(flow.pipeline.id, trigger.eventType, trigger.selector) === plan.bucket;
    })
    .map((node) => node.id);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    reached.push(id);
    const node = graph.nodes.get(id);
    if (!node || roleOf(node) === 'action') continue;
    const finding = conditions.get(id);
    if (roleOf(node) === 'condition' && !finding) continue; // leads to no action: never evaluated
    for (const { edge, target, branch } of graph.outgoing.get(id) ?? []) {
      if (finding && branch !== String(finding.result)) continue;
      edgeTaken.push(edge.id);
      queue.push(target.id);
    }
  }
  return { reached, edgeTaken };
}

function readActions(flow: Flow, ruleSet: RuleSet, plan: ActionPlan): Map<string, ActionFinding> {
  const nodeOfRule = new Map(ruleSet.rules.map((rule) => [rule.name, rule.event.params.actionNodeId]));
  const actions = new Map<string, ActionFinding>();
  for (const node of flow.nodes) if (roleOf(node) === 'action') actions.set(node.id, { state: 'notFired' });
  for (const action of plan.actions) {
    if (action.flowId === flow.id) actions.set(action.actionNodeId, { state: 'planned', ruleName: action.ruleName });
  }
  for (const loser of plan.suppressed) {
    const nodeId = nodeOfRule.get(loser.ruleName);
    if (nodeId === undefined || actions.get(nodeId)?.state === 'planned') continue;
    const wonByNodeId = nodeOfRule.get(loser.wonBy);
    actions.set(nodeId, { state: 'suppressed', ruleName: loser.ruleName, wonBy: loser.wonBy, wonByNodeId });
  }
  return actions;
}

/** `ruleSet` must be the one compiled from `flow` (the draft's, or a published version's). */
export function readTrace(flow: Flow, ruleSet: RuleSet, plan: ActionPlan): TraceReading {
  const conditions = readConditions(flow, ruleSet, plan);
  const { reached, edgeTaken } = walk(flow, plan, conditions);
  return { reached, edgeTaken, conditions, actions: readActions(flow, ruleSet, plan) };
}
