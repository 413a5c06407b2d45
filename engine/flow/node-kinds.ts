// One spec per node kind. The Record over NodeKind makes a new kind fail to type-check until
// the compiler knows its role (xyflow/jdm-editor habit: a registry where a set is closed).
import type { ActionSettings, DealEvent, FlowNode } from '../../schemas/index.ts';

export type NodeKind = FlowNode['type'];
export type NodeOfKind<K extends NodeKind> = Extract<FlowNode, { type: K }>;

export interface TriggerSpec<K extends NodeKind> {
  role: 'trigger';
  title: string;
  eventType: DealEvent['type'];
  /** The event fact that selects the bucket, and this trigger's value for it. */
  selectorFact: 'stageId' | 'documentType';
  selectorValue: (node: NodeOfKind<K>) => string;
}

export interface ConditionSpec {
  role: 'condition';
  title: string;
}

export interface ActionSpec<K extends NodeKind> {
  role: 'action';
  title: string;
  ruleEventType: 'sendDocument' | 'moveDeal' | 'callWebhook';
  /** moveDeal and callWebhook run after a document is completed or declined, never on a stage. */
  needsDocumentTrigger: boolean;
  settings: (node: NodeOfKind<K>) => ActionSettings;
}

export type NodeSpec<K extends NodeKind> = TriggerSpec<K> | ConditionSpec | ActionSpec<K>;

export const nodeKinds: { [K in NodeKind]: NodeSpec<K> } = {
  stageEntered: {
    role: 'trigger',
    title: 'Deal enters stage',
    eventType: 'deal.stage_changed',
    selectorFact: 'stageId',
    selectorValue: (node) => node.data.stageId,
  },
  documentCompleted: {
    role: 'trigger',
    title: 'Document completed',
    eventType: 'document.completed',
    selectorFact: 'documentType',
    selectorValue: (node) => node.data.documentType,
  },
  documentDeclined: {
    role: 'trigger',
    title: 'Document declined',
    eventType: 'document.declined',
    selectorFact: 'documentType',
    selectorValue: (node) => node.data.documentType,
  },
  condition: { role: 'condition', title: 'Condition' },
  sendDocument: {
    role: 'action',
    title: 'Send document for signing',
    ruleEventType: 'sendDocument',
    needsDocumentTrigger: false,
    settings: (node) => node.data,
  },
  moveDeal: {
    role: 'action',
    title: 'Move deal to stage',
    ruleEventType: 'moveDeal',
    needsDocumentTrigger: true,
    settings: (node) => node.data,
  },
  callWebhook: {
    role: 'action',
    title: 'Call webhook',
    ruleEventType: 'callWebhook',
    needsDocumentTrigger: true,
    settings: (node) => node.data,
  },
};

export function specOf<K extends NodeKind>(node: NodeOfKind<K>): NodeSpec<K> {
  return nodeKinds[node.type as K];
}

export function roleOf(node: FlowNode): NodeSpec<NodeKind>['role'] {
  return nodeKinds[node.type].role;
}

/** Bucket key of a trigger: rules are indexed and evaluated per (pipeline, event type, selector). */
export function bucketKey(pipelineId: string, eventType: string, selector: string): string {
  return `${pipelineId}/${eventType}/${selector}`;
}

export function triggerOf(
  node: FlowNode,
): { eventType: DealEvent['type']; selectorFact: string; selector: string } | undefined {
  const spec = nodeKinds[node.type] as NodeSpec<NodeKind>;
  if (spec.role !== 'trigger') return undefined;
  const selector = (spec.selectorValue as (n: FlowNode) => string)(node);
  return { eventType: spec.eventType, selectorFact: spec.selectorFact, selector };
}

export function actionOf(
  node: FlowNode,
):
  | { ruleEventType: ActionSpec<NodeKind>['ruleEventType']; settings: ActionSettings; needsDocumentTrigger: boolean }
  | undefined {
  const spec = nodeKinds[node.type] as NodeSpec<NodeKind>;
  if (spec.role !== 'action') return undefined;
  const settings = (spec.settings as (n: FlowNode) => ActionSettings)(node);
  return { ruleEventType: spec.ruleEventType, settings, needsDocumentTrigger: spec.needsDocumentTrigger };
}
