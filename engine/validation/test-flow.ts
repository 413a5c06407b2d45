// Builders for the validation tests: small flows over the demo's `sales` pipeline, so each test
// states only the nodes and edges it is about. Not used outside tests.
import type { ConditionGroup, Flow, FlowEdge, FlowNode, Pipeline, SendDocumentSettings } from '../../schemas/index.ts';

export const salesPipeline: Pipeline = {
  id: 'sales',
  name: 'Sales',
  stages: ['lead', 'qualified', 'proposal', 'contract', 'invoice', 'won', 'lost'].map((id) => ({ id, name: id })),
  fields: [
    { id: 'contractTermMonths', type: 'number' },
    { id: 'region', type: 'string' },
    { id: 'vip', type: 'boolean' },
  ],
};

const position = { x: 0, y: 0 };

export const stageTrigger = (id: string, stageId: string): FlowNode => ({
  id,
  type: 'stageEntered',
  position,
  data: { stageId },
});

export const documentTrigger = (
  id: string,
  documentType: string,
  type: 'documentCompleted' | 'documentDeclined' = 'documentCompleted',
): FlowNode => ({ id, type, position, data: { documentType } });

export const condition = (id: string, conditions: ConditionGroup): FlowNode => ({
  id,
  type: 'condition',
  position,
  data: { conditions },
});

export const sendDocument = (id: string, settings: Partial<SendDocumentSettings> = {}): FlowNode => ({
  id,
  type: 'sendDocument',
  position,
  data: {
    documentType: 'contract',
    templateId: `template-${id}`,
    companySigner: { kind: 'responsibleUser' },
    counterparties: { kind: 'allContacts' },
    signingOrder: 'companyFirst',
    linkExpiryDays: 14,
    ...settings,
  },
});

export const moveDeal = (id: string, stageId: string): FlowNode => ({
  id,
  type: 'moveDeal',
  position,
  data: { stageId },
});

export const callWebhook = (id: string): FlowNode => ({
  id,
  type: 'callWebhook',
  position,
  data: { url: 'https://crm.example/hooks/1' },
});

/** An edge with a readable id that the schema accepts: `e:a:b`, or `e:a:true:b` when it leaves by a branch. */
export const edge = (source: string, target: string, sourceHandle?: 'true' | 'false'): FlowEdge =>
  sourceHandle
    ? { id: `e:${source}:${sourceHandle}:${target}`, source, target, sourceHandle }
    : { id: `e:${source}:${target}`, source, target };

export const testFlow = (nodes: FlowNode[], edges: FlowEdge[], pipeline: Pipeline = salesPipeline): Flow => ({
  schemaVersion: 1,
  id: 'test-flow',
  name: 'Test flow',
  pipeline,
  nodes,
  edges,
});

/**
 * A trigger `start` on Contract, then `depth` conditions chained by both branches (2^(depth-1)
 * paths reach the last one, `d<depth-1>`): for tests about flows with very many paths.
 */
export function diamondChain(depth: number): { nodes: FlowNode[]; edges: FlowEdge[]; last: string } {
  const nodes: FlowNode[] = [stageTrigger('start', 'contract')];
  const edges: FlowEdge[] = [edge('start', 'd0')];
  for (let index = 0; index < depth; index++) {
    nodes.push(condition(`d${index}`, { all: [{ fact: 'fields.region', operator: 'notEqual', value: `R${index}` }] }));
    if (index > 0) edges.push(edge(`d${index - 1}`, `d${index}`, 'true'), edge(`d${index - 1}`, `d${index}`, 'false'));
  }
  return { nodes, edges, last: `d${depth - 1}` };
}
