// The stage board's rows: every trigger -> action rule of a flow (the compiler's own paths), put
// under the stage that fires it or under the document trigger, with its conditions in words.
import { describeCondition } from '../../../engine/export/describe-condition.ts';
import { buildGraph } from '../../../engine/flow/flow-graph.ts';
import { triggerOf } from '../../../engine/flow/node-kinds.ts';
import { collectRulePaths } from '../../../engine/flow/rule-paths.ts';
import type { Condition, Flow, FlowNode } from '../../../schemas/types.generated.ts';

export interface BoardRule {
  flowId: string;
  flowName: string;
  trigger: FlowNode;
  action: FlowNode;
  /** The conditions in words, as the CSV export writes them; '' when the rule always fires. */
  conditions: string;
  /** More paths than the compiler accepts: shown, with a warning. */
  truncated: boolean;
}

export interface BoardLayout {
  /** Rules per stage id, in the flow's document order. */
  byStage: Map<string, BoardRule[]>;
  /** Rules fired by a completed or declined document, per "<eventType>/<documentType>". */
  byDocument: Map<string, BoardRule[]>;
}

function nodeConditions(graph: ReturnType<typeof buildGraph>, nodeId: string): Condition | undefined {
  const node = graph.nodes.get(nodeId);
  return node?.type === 'condition' ? node.data.conditions : undefined;
}

/** The rule's condition as one tree: any of its paths, each all of its steps (false branch = not). */
export function ruleCondition(
  flow: Flow,
  paths: { conditionNodeId: string; branch: 'true' | 'false' }[][],
): Condition | undefined {
  const graph = buildGraph(flow);
  const alternatives: Condition[] = [];
  for (const steps of paths) {
    const parts: Condition[] = [];
    for (const step of steps) {
      const condition = nodeConditions(graph, step.conditionNodeId);
      if (condition) parts.push(step.branch === 'true' ? condition : { not: condition });
    }
    if (parts.length === 0) return undefined; // one unconditional path: the rule always fires
    alternatives.push(parts.length === 1 ? (parts[0] as Condition) : { all: parts });
  }
  if (alternatives.length === 0) return undefined;
  return alternatives.length === 1 ? alternatives[0] : { any: alternatives };
}

export function boardRules(flow: Flow): BoardRule[] {
  const rules: BoardRule[] = [];
  for (const rule of collectRulePaths(buildGraph(flow))) {
    const condition = ruleCondition(flow, rule.paths);
    const triggers = 'triggers' in rule && Array.isArray(rule.triggers) ? rule.triggers : [rule.trigger];
    for (const trigger of triggers) {
      rules.push({
        flowId: flow.id,
        flowName: flow.name,
        trigger,
        action: rule.action,
        conditions: condition ? describeCondition(condition) : '',
        truncated: rule.truncated,
      });
    }
  }
  return rules;
}

export function layoutBoard(flows: readonly Flow[]): BoardLayout {
  const byStage = new Map<string, BoardRule[]>();
  const byDocument = new Map<string, BoardRule[]>();
  for (const flow of flows) {
    for (const rule of boardRules(flow)) {
      const trigger = triggerOf(rule.trigger);
      if (!trigger) continue;
      const [map, key] =
        trigger.selectorFact === 'stageId'
          ? [byStage, trigger.selector]
          : [byDocument, `${trigger.eventType}/${trigger.selector}`];
      map.set(key, [...(map.get(key) ?? []), rule]);
    }
  }
  return { byStage, byDocument };
}
