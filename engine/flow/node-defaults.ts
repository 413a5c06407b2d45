// The data a new node of each kind starts with (the designer's palette adds nodes with it).
// Closed over NodeKind, so a new kind fails to type-check until it has defaults.
import type { Pipeline } from '../../schemas/index.ts';
import type { NodeKind, NodeOfKind } from './node-kinds.ts';

export const defaultDocumentType = 'contract';
export const defaultLinkExpiryDays = 14;

export const nodeDefaults: { [K in NodeKind]: (pipeline: Pipeline) => NodeOfKind<K>['data'] } = {
  stageEntered: (pipeline) => ({ stageId: pipeline.stages[0]?.id ?? '' }),
  documentCompleted: () => ({ documentType: defaultDocumentType }),
  documentDeclined: () => ({ documentType: defaultDocumentType }),
  condition: () => ({ conditions: { all: [{ fact: 'amount', operator: 'greaterThan', value: 0 }] } }),
  // templateId '' is the draft state validation reports as ACTION_TEMPLATE_MISSING until one is chosen.
  sendDocument: () => ({
    documentType: defaultDocumentType,
    templateId: '',
    companySigner: { kind: 'responsibleUser' },
    counterparties: { kind: 'allContacts' },
    signingOrder: 'companyFirst',
    linkExpiryDays: defaultLinkExpiryDays,
  }),
  moveDeal: (pipeline) => ({ stageId: pipeline.stages[0]?.id ?? '' }),
  callWebhook: () => ({ url: 'https://example.com/inkflow-webhook' }),
};

export function defaultDataOf<K extends NodeKind>(kind: K, pipeline: Pipeline): NodeOfKind<K>['data'] {
  return nodeDefaults[kind](pipeline);
}
