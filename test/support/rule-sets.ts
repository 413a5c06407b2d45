// Hand-made rule sets for evaluator tests: rules as an import or a hand edit could leave them,
// which compileFlow alone would never produce (trigger conditions moved, missing, contradicted).
import type {
  ActionSettings,
  CompiledRule,
  Condition,
  ConditionGroup,
  RuleEvent,
  RuleSet,
  SendDocumentSettings,
} from '../../schemas/index.ts';

export const contractBucket = 'sales/deal.stage_changed/contract';

/** The three comparisons compileFlow puts first: what the bucket key proves. */
export function triggerConditions(bucket: string): Condition[] {
  const [pipelineId, eventType, selector] = bucket.split('/') as [string, string, string];
  return [
    { fact: 'pipelineId', operator: 'equal', value: pipelineId },
    { fact: 'eventType', operator: 'equal', value: eventType },
    {
      fact: eventType === 'deal.stage_changed' ? 'stageId' : 'documentType',
      operator: 'equal',
      value: selector,
    },
  ];
}

export function sendDocumentSettings(overrides: Partial<SendDocumentSettings> = {}): SendDocumentSettings {
  return {
    documentType: 'contract',
    templateId: 'contract-standard',
    companySigner: { kind: 'responsibleUser' },
    counterparties: { kind: 'role', role: 'signer' },
    signingOrder: 'companyFirst',
    linkExpiryDays: 14,
    ...overrides,
  };
}

const eventTypeOf = (action: ActionSettings): RuleEvent['type'] =>
  'documentType' in action ? 'sendDocument' : 'stageId' in action ? 'moveDeal' : 'callWebhook';

export interface RuleOptions {
  bucket?: string;
  priority?: number;
  action?: ActionSettings;
  /** The flow's own conditions, after the trigger's; ignored when `conditions` is given. */
  when?: Condition[];
  /** The whole condition tree, as a hand edit might leave it. */
  conditions?: ConditionGroup;
}

export function ruleOf(name: string, options: RuleOptions = {}): CompiledRule {
  const bucket = options.bucket ?? contractBucket;
  const action = options.action ?? sendDocumentSettings();
  return {
    name,
    priority: options.priority ?? 1,
    conditions: options.conditions ?? { all: [...triggerConditions(bucket), ...(options.when ?? [])] },
    event: {
      type: eventTypeOf(action),
      params: {
        flowId: 'hand-made',
        flowVersion: 3,
        pipelineId: bucket.split('/')[0] as string,
        bucket,
        triggerNodeId: 'trigger',
        actionNodeId: `${name}-action`,
        conditionNodeIds: [],
        action,
      },
    },
  };
}

function collectFacts(condition: Condition, into: Set<string>): void {
  if ('all' in condition) for (const child of condition.all) collectFacts(child, into);
  else if ('any' in condition) for (const child of condition.any) collectFacts(child, into);
  else if ('not' in condition) collectFacts(condition.not, into);
  else into.add(condition.fact);
}

/** A rule set indexing each rule under its params.bucket, in the order given. */
export function ruleSetOf(rules: CompiledRule[]): RuleSet {
  const index: Record<string, string[]> = {};
  const facts = new Set<string>();
  for (const rule of rules) {
    const bucket = rule.event.params.bucket;
    index[bucket] = [...(index[bucket] ?? []), rule.name];
    collectFacts(rule.conditions, facts);
  }
  return { schemaVersion: 1, flows: [], facts: [...facts].sort(), rules, index };
}
