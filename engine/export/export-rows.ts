// One analyst-readable row per compiled rule, in the rule set's (evaluation) order.
import type { CompiledRule, Condition, ExportRow, RuleSet } from '../../schemas/index.ts';
import { nodeKinds } from '../flow/node-kinds.ts';
import { describeConditions } from './describe-condition.ts';

interface RuleTrigger {
  eventType: string;
  selectorFact: string;
  selector: string;
}

/** The trigger a rule's bucket stands for: `<pipelineId>/<eventType>/<stageId or documentType>`. */
function triggerOfRule(rule: CompiledRule): RuleTrigger {
  const { bucket, pipelineId } = rule.event.params;
  const rest = bucket.startsWith(`${pipelineId}/`) ? bucket.slice(pipelineId.length + 1) : bucket;
  const slash = rest.indexOf('/');
  const eventType = slash === -1 ? rest : rest.slice(0, slash);
  const selector = slash === -1 ? '' : rest.slice(slash + 1);
  const spec = Object.values(nodeKinds).find((kind) => kind.role === 'trigger' && kind.eventType === eventType);
  const selectorFact = spec?.role === 'trigger' ? spec.selectorFact : 'stageId';
  return { eventType, selectorFact, selector };
}

/** The rule's own conditions: its top-level `all` without the comparisons its bucket already proves. */
function flowConditions(rule: CompiledRule, trigger: RuleTrigger): Condition[] {
  const implied = new Map<string, unknown>([
    ['pipelineId', rule.event.params.pipelineId],
    ['eventType', trigger.eventType],
    [trigger.selectorFact, trigger.selector],
  ]);
  const isImplied = (condition: Condition): boolean =>
    'fact' in condition &&
    condition.operator === 'equal' &&
    implied.has(condition.fact) &&
    implied.get(condition.fact) === condition.value;
  if (!('all' in rule.conditions)) return [rule.conditions];
  return rule.conditions.all.filter((condition) => !isImplied(condition));
}

function describeTrigger(trigger: RuleTrigger): string {
  return trigger.selectorFact === 'stageId' ? `stage ${trigger.selector}` : `${trigger.eventType} ${trigger.selector}`;
}

export function exportRow(rule: CompiledRule): ExportRow {
  const trigger = triggerOfRule(rule);
  const { action, flowId, flowVersion, pipelineId } = rule.event.params;
  const sendsDocument = 'documentType' in action;
  return {
    pipelineId,
    trigger: describeTrigger(trigger),
    stageId: trigger.selectorFact === 'stageId' ? trigger.selector : '',
    documentType: sendsDocument ? action.documentType : '',
    action: rule.event.type,
    templateId: sendsDocument ? action.templateId : '',
    priority: rule.priority,
    conditions: describeConditions(flowConditions(rule, trigger)),
    flowId,
    flowVersion,
    ruleName: rule.name,
  };
}

export function exportRows(ruleSet: RuleSet): ExportRow[] {
  return ruleSet.rules.map(exportRow);
}
