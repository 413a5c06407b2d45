// One line per node for its card and its accessible name ("<kind title>: <summary>").
// Conditions read as the export does (engine/export/describe-condition.ts).
import { describeCondition } from '../../../engine/export/describe-condition.ts';
import type { NodeKind, NodeOfKind } from '../../../engine/flow/node-kinds.ts';
import type { CompanySigner, Counterparties, FlowNode, Pipeline } from '../../../schemas/types.generated.ts';

const stageName = (pipeline: Pipeline | null, stageId: string) =>
  pipeline?.stages.find((stage) => stage.id === stageId)?.name ?? stageId;

export function describeSigner(signer: CompanySigner): string {
  return signer.kind === 'employee' ? `employee ${signer.employeeId}` : 'responsible user';
}

export function describeCounterparties(counterparties: Counterparties): string {
  return counterparties.kind === 'role' ? `contacts with role ${counterparties.role}` : 'all contacts';
}

const summaries: { [K in NodeKind]: (node: NodeOfKind<K>, pipeline: Pipeline | null) => string } = {
  stageEntered: (node, pipeline) => stageName(pipeline, node.data.stageId),
  documentCompleted: (node) => node.data.documentType,
  documentDeclined: (node) => node.data.documentType,
  condition: (node) => describeCondition(node.data.conditions),
  sendDocument: (node) =>
    `${node.data.documentType}, ${node.data.templateId || 'no template'}, ${describeSigner(node.data.companySigner)}`,
  moveDeal: (node, pipeline) => stageName(pipeline, node.data.stageId),
  callWebhook: (node) => node.data.url,
};

export function summarizeNode(node: FlowNode, pipeline: Pipeline | null): string {
  const summarize = summaries[node.type] as (node: FlowNode, pipeline: Pipeline | null) => string;
  return summarize(node, pipeline);
}
