import { describe, expect, it } from 'vitest';
import type { ActionPlan, BacktestDifference, BacktestResult, PlannedSendDocument } from '../../../../schemas/index.ts';
import { compareDocuments, ruleRows } from './backtest-summary.ts';

const send = (documentType: string, templateId: string): PlannedSendDocument => ({
  kind: 'sendDocument',
  ruleName: `f:t->${templateId}`,
  flowId: 'f',
  flowVersion: 1,
  actionNodeId: templateId,
  priority: 1,
  documentType,
  templateId,
  signingOrder: 'companyFirst',
  linkExpiryDays: 14,
  signers: [{ side: 'company', order: 1, employeeId: 'director' }],
});
const plan = (actions: PlannedSendDocument[]): ActionPlan => ({
  eventId: 'e',
  pipelineId: 'sales',
  bucket: 'sales/deal.stage_changed/contract',
  rulesConsidered: 2,
  actions,
  suppressed: [],
  warnings: [],
});

describe('backtest summary', () => {
  it('puts the rules whose count changed most first', () => {
    const result = {
      perRule: [
        { ruleName: 'a', draftFired: 5, activeFired: 5 },
        { ruleName: 'b', draftFired: 0, activeFired: 7 },
        { ruleName: 'c', draftFired: 3, activeFired: 1 },
      ],
    } as BacktestResult;
    const rows = ruleRows(result, (name) => (name === 'b' ? 'Large contract' : undefined));
    expect(rows.map((row) => [row.ruleName, row.delta, row.label])).toEqual([
      ['b', -7, 'Large contract'],
      ['c', 2, undefined],
      ['a', 0, undefined],
    ]);
  });

  it('shows per document type what each side would send', () => {
    const difference = {
      active: plan([send('contract', 'contract-standard')]),
      draft: plan([send('contract', 'contract-large'), send('nda', 'nda')]),
    } as BacktestDifference;
    const signerText = (document: PlannedSendDocument) => document.signers.map((signer) => `${signer.order}`);
    expect(compareDocuments(difference, signerText)).toEqual([
      {
        documentType: 'contract',
        active: { templateId: 'contract-standard', signers: ['1'] },
        draft: { templateId: 'contract-large', signers: ['1'] },
      },
      { documentType: 'nda', active: null, draft: { templateId: 'nda', signers: ['1'] } },
    ]);
  });
});
