// Flow → json-rules-engine rule set with an index by (pipeline, trigger). Deterministic: the same
// flows give byte-identical JSON (rules sorted by bucket, priority, name; no clocks, no randomness).
import {
  type CompiledRule,
  type Condition,
  type ConditionNode,
  type Flow,
  maxGroupItems,
  type RuleSet,
} from '../../schemas/index.ts';
import { buildGraph, type FlowGraph } from '../flow/flow-graph.ts';
import { actionOf, bucketKey, triggerOf } from '../flow/node-kinds.ts';
import { collectRules, maxCompiledSize, maxPathsPerRule, type PathStep, type RulePaths } from '../flow/rule-paths.ts';
import { deepNestingMessage, findDeepNesting } from '../json/find-deep-nesting.ts';
import { findNonFiniteNumber } from '../json/find-non-finite-number.ts';
import { collectFacts, compileCondition, UncompilableFlowError } from './compile-condition.ts';

export { UncompilableFlowError } from './compile-condition.ts';

/** Name of a rule: stable across compilations, unique across flows. */
export function ruleName(flowId: string, triggerNodeId: string, actionNodeId: string): string {
  return `${flowId}:${triggerNodeId}->${actionNodeId}`;
}

function stepCondition(graph: FlowGraph, step: PathStep): Condition {
  const node = graph.nodes.get(step.conditionNodeId) as ConditionNode;
  const compiled = compileCondition(node.data.conditions);
  return step.branch === 'true' ? compiled : { not: compiled };
}

// Every rule starts with the trigger's comparisons: pipelineId, eventType, stageId or documentType.
const triggerComparisons = 3;

/**
 * Members of one group, at most `room` of them as the rule format requires: past it they nest in
 * groups of the same kind (an `all` of `all`s holds exactly when all of its members do), so a
 * 5,000-condition chain compiles to rules that checkRuleSet and the runtime accept.
 */
function grouped(kind: 'all' | 'any', members: Condition[], room = maxGroupItems): Condition[] {
  let list = members;
  while (list.length > room) {
    const groups: Condition[] = [];
    for (let at = 0; at < list.length; at += maxGroupItems) {
      const slice = list.slice(at, at + maxGroupItems);
      groups.push(kind === 'all' ? { all: slice } : { any: slice });
    }
    list = groups;
  }
  return list;
}

/** The flow's own conditions of a rule: the conjunction along its path, or any of its paths. */
function pathConditions(graph: FlowGraph, rule: RulePaths): Condition[] {
  if (rule.paths.some((path) => path.length === 0)) return [];
  const steps = (path: PathStep[]) => path.map((step) => stepCondition(graph, step));
  if (rule.paths.length === 1) {
    return grouped('all', steps(rule.paths[0] as PathStep[]), maxGroupItems - triggerComparisons);
  }
  return [
    {
      any: grouped(
        'any',
        rule.paths.map((path) => ({ all: grouped('all', steps(path)) })),
      ),
    },
  ];
}

/** Guards for flows that skipped validation: compiling them would silently change their meaning. */
function assertReadable(flow: Flow): void {
  const deep = findDeepNesting(flow);
  if (deep) throw new UncompilableFlowError(`flow ${flow.id}: at ${deep.pointer}: ${deepNestingMessage(deep)}`);
  const pointer = findNonFiniteNumber(flow);
  // JSON.stringify would write it as null, which json-rules-engine compares differently.
  if (pointer !== undefined) throw new UncompilableFlowError(`flow ${flow.id}: at ${pointer}: not a finite number`);
}

function assertCompilable(flow: Flow, graph: FlowGraph, rules: readonly RulePaths[], size: number): void {
  if (size > maxCompiledSize) {
    throw new UncompilableFlowError(`flow ${flow.id}: compiles to more than ${maxCompiledSize} condition nodes`);
  }
  for (const [nodeId, edges] of graph.outgoing) {
    if (graph.nodes.get(nodeId)?.type !== 'condition') continue;
    const unbranched = edges.find((edge) => edge.branch === undefined);
    if (unbranched) {
      throw new UncompilableFlowError(
        `flow ${flow.id}: edge ${unbranched.edge.id} leaves condition ${nodeId} without sourceHandle "true" or "false"`,
      );
    }
  }
  const truncated = rules.find((rule) => rule.truncated);
  if (truncated) {
    throw new UncompilableFlowError(
      `flow ${flow.id}: ${truncated.action.id} is reached from ${truncated.trigger.id} by more than ${maxPathsPerRule} paths`,
    );
  }
}

function compileRule(flow: Flow, graph: FlowGraph, rule: RulePaths): CompiledRule {
  const trigger = triggerOf(rule.trigger);
  const action = actionOf(rule.action);
  if (!trigger || !action)
    throw new UncompilableFlowError(`rule ${rule.trigger.id}->${rule.action.id} is not trigger→action`);
  const pipelineId = flow.pipeline.id;
  const settings =
    'documentType' in action.settings
      ? { ...action.settings, priority: action.settings.priority ?? 1 }
      : action.settings;
  const priority = 'priority' in settings && settings.priority !== undefined ? settings.priority : 1;
  const conditionNodeIds = [...new Set(rule.paths.flat().map((step) => step.conditionNodeId))].sort();
  return {
    name: ruleName(flow.id, rule.trigger.id, rule.action.id),
    priority,
    conditions: {
      all: [
        { fact: 'pipelineId', operator: 'equal', value: pipelineId },
        { fact: 'eventType', operator: 'equal', value: trigger.eventType },
        { fact: trigger.selectorFact, operator: 'equal', value: trigger.selector },
        ...pathConditions(graph, rule),
      ],
    },
    event: {
      type: action.ruleEventType,
      params: {
        flowId: flow.id,
        flowVersion: flow.version ?? 1,
        pipelineId,
        bucket: bucketKey(pipelineId, trigger.eventType, trigger.selector),
        triggerNodeId: rule.trigger.id,
        actionNodeId: rule.action.id,
        conditionNodeIds,
        action: settings,
      },
    },
  };
}

const byEvaluationOrder = (a: CompiledRule, b: CompiledRule): number =>
  a.event.params.bucket < b.event.params.bucket
    ? -1
    : a.event.params.bucket > b.event.params.bucket
      ? 1
      : b.priority - a.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Compiles one or more flows (e.g. every active flow) into one rule set. */
export function compileFlows(flows: readonly Flow[]): RuleSet {
  const ordered = [...flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rules: CompiledRule[] = [];
  for (const flow of ordered) {
    assertReadable(flow);
    const graph = buildGraph(flow);
    const { rules: flowRules, compiledSize } = collectRules(graph);
    assertCompilable(flow, graph, flowRules, compiledSize);
    for (const rule of flowRules) rules.push(compileRule(flow, graph, rule));
  }
  rules.sort(byEvaluationOrder);
  const facts = new Set<string>();
  const index: Record<string, string[]> = {};
  for (const rule of rules) {
    collectFacts(rule.conditions, facts);
    const bucket = rule.event.params.bucket;
    const names = index[bucket] ?? [];
    names.push(rule.name);
    index[bucket] = names;
  }
  return {
    schemaVersion: 1,
    flows: ordered.map((flow) => ({
      id: flow.id,
      version: flow.version ?? 1,
      name: flow.name,
      pipelineId: flow.pipeline.id,
    })),
    facts: [...facts].sort(),
    rules,
    index,
  };
}

export function compileFlow(flow: Flow): RuleSet {
  return compileFlows([flow]);
}

/** The canonical text of a rule set: what `inkflow compile` writes and tests compare byte for byte. */
export function serializeRuleSet(ruleSet: RuleSet): string {
  return `${JSON.stringify(ruleSet, null, 2)}\n`;
}
