// One line per node for its card and its accessible name ("<kind title>: <summary>").
// Conditions read as the export does (engine/export/describe-condition.ts).
import { describeCondition } from '../../../engine/export/describe-condition.ts';
import type { NodeKind, NodeOfKind } from '../../../engine/flow/node-kinds.ts';
import type { CompanySigner, Counterparties, FlowNode, Pipeline } from '../../../schemas/types.generated.ts';
import { t } from '../i18n/i18n.ts';

const stageName = (pipeline: Pipeline | null, stageId: string) =>
  pipeline?.stages.find((stage) => stage.id === stageId)?.name ?? stageId;

export function describeSigner(signer: CompanySigner): string {
  return signer.kind === 'employee' ? t('summary.employee', { id: signer.employeeId }) : t('summary.responsibleUser');
}

export function describeCounterparties(counterparties: Counterparties): string {
  return counterparties.kind === 'role'
    ? t('summary.contactsWithRole', { role: counterparties.role })
    : t('summary.allContacts');
}

const summaries: { [K in NodeKind]: (node: NodeOfKind<K>, pipeline: Pipeline | null) => string } = {
  stageEntered: (node, pipeline) => stageName(pipeline, node.data.stageId),
  documentCompleted: (node) => node.data.documentType,
  documentDeclined: (node) => node.data.documentType,
  condition: (node) => describeCondition(node.data.conditions),
  sendDocument: (node) =>
    `${node.data.documentType}, ${node.data.templateId || t('summary.noTemplate')}, ${describeSigner(node.data.companySigner)}`,
  moveDeal: (node, pipeline) => stageName(pipeline, node.data.stageId),
  callWebhook: (node) => node.data.url,
};

export function summarizeNode(node: FlowNode, pipeline: Pipeline | null): string {
  const summarize = summaries[node.type] as (node: FlowNode, pipeline: Pipeline | null) => string;
  return summarize(node, pipeline);
}
