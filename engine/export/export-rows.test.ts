import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../schemas/index.ts';
import { ruleOf, ruleSetOf } from '../../test/support/rule-sets.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { exportRow, exportRows } from './export-rows.ts';

const demoFlow = JSON.parse(
  readFileSync(new URL('../../schemas/examples/flow.sales.json', import.meta.url), 'utf8'),
) as Flow;

describe('exportRows', () => {
  it('gives one row per rule of the demo flow, in evaluation order, without the trigger conditions', () => {
    const rows = exportRows(compileFlow(demoFlow));
    const common = { pipelineId: 'sales', priority: 1, flowId: 'sales-documents', flowVersion: 1 };
    expect(rows).toEqual([
      {
        ...common,
        trigger: 'stage contract',
        stageId: 'contract',
        documentType: 'contract',
        action: 'sendDocument',
        templateId: 'contract-large',
        conditions: 'amount > 50000',
        ruleName: 'sales-documents:enter-contract->send-contract-large',
      },
      {
        ...common,
        trigger: 'stage contract',
        stageId: 'contract',
        documentType: 'contract',
        action: 'sendDocument',
        templateId: 'contract-standard',
        conditions: 'NOT (amount > 50000)',
        ruleName: 'sales-documents:enter-contract->send-contract-standard',
      },
      {
        ...common,
        trigger: 'stage invoice',
        stageId: 'invoice',
        documentType: 'invoice',
        action: 'sendDocument',
        templateId: 'invoice',
        conditions: '',
        ruleName: 'sales-documents:enter-invoice->send-invoice',
      },
      {
        ...common,
        trigger: 'document.completed contract',
        stageId: '',
        documentType: '',
        action: 'moveDeal',
        templateId: '',
        conditions: '',
        ruleName: 'sales-documents:contract-signed->move-to-invoice',
      },
      {
        ...common,
        trigger: 'document.declined contract',
        stageId: '',
        documentType: '',
        action: 'callWebhook',
        templateId: '',
        conditions: '',
        ruleName: 'sales-documents:contract-declined->notify-crm-declined',
      },
    ]);
  });

  it('keeps a trigger-like comparison the bucket does not imply', () => {
    const rule = ruleOf('other-pipeline', {
      when: [
        { fact: 'pipelineId', operator: 'equal', value: 'purchases' },
        { fact: 'stageId', operator: 'notEqual', value: 'contract' },
      ],
    });
    expect(exportRow(rule).conditions).toBe('pipelineId = "purchases" AND stageId ≠ "contract"');
  });

  it('describes a hand-edited rule whose conditions are not a top-level all in full', () => {
    const rule = ruleOf('any-rule', {
      priority: 7,
      conditions: {
        any: [
          { fact: 'stageId', operator: 'equal', value: 'contract' },
          { fact: 'amount', operator: 'greaterThan', value: 10 },
        ],
      },
    });
    const row = exportRow(rule);
    expect(row.conditions).toBe('stageId = "contract" OR amount > 10');
    expect(row.priority).toBe(7);
    expect(row.flowVersion).toBe(3);
  });

  it('keeps the order of the rule set', () => {
    const names = ['b', 'a', 'c'];
    expect(exportRows(ruleSetOf(names.map((name) => ruleOf(name)))).map((row) => row.ruleName)).toEqual(names);
  });
});
