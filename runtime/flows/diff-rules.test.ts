import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../engine/compile/compile-flow.ts';
import type { CompiledRule, Flow } from '../../schemas/index.ts';
import { demoFlow } from '../../test/support/examples.ts';
import { changedFields, diffRules } from './diff-rules.ts';

const rules = (flow: Flow): CompiledRule[] => compileFlow(flow).rules;
const large = 'sales-documents:enter-contract->send-contract-large';

function editNode(flow: Flow, nodeId: string, data: Record<string, unknown>): Flow {
  return {
    ...flow,
    nodes: flow.nodes.map((node) =>
      node.id === nodeId ? ({ ...node, data: { ...node.data, ...data } } as typeof node) : node,
    ),
  };
}

describe('diffRules', () => {
  it('finds nothing between two compilations of one flow, even across versions', () => {
    expect(diffRules(rules({ ...demoFlow(), version: 1 }), rules({ ...demoFlow(), version: 7 }))).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('names each changed action setting and the priority', () => {
    const after = editNode(demoFlow(), 'send-contract-large', { templateId: 'other', priority: 5, linkExpiryDays: 3 });
    const { changed } = diffRules(rules(demoFlow()), rules(after));
    expect(changed.map((change) => [change.ruleName, change.fields])).toEqual([
      [large, ['priority', 'action.linkExpiryDays', 'action.priority', 'action.templateId']],
    ]);
    expect(changed[0]?.before.event.params.action).toMatchObject({ templateId: 'contract-large' });
    expect(changed[0]?.after.event.params.action).toMatchObject({ templateId: 'other' });
  });

  it('reports a trigger moved to another stage as a change of bucket and conditions', () => {
    const after = editNode(demoFlow(), 'enter-invoice', { stageId: 'won' });
    const { changed } = diffRules(rules(demoFlow()), rules(after));
    expect(changed.map((change) => change.fields)).toEqual([['conditions', 'bucket']]);
  });

  it('ignores the order of object keys', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([key, item]) => [key, reverseKeys(item)]),
      );
    };
    const [rule] = rules(demoFlow()) as [CompiledRule];
    const reversed = reverseKeys(rule) as CompiledRule;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(rule));
    expect(changedFields(rule, reversed)).toEqual([]);
  });

  it('lists rules only one side has as added or removed', () => {
    const withoutInvoice: Flow = {
      ...demoFlow(),
      nodes: demoFlow().nodes.filter((node) => node.id !== 'send-invoice' && node.id !== 'enter-invoice'),
      edges: demoFlow().edges.filter((edge) => edge.id !== 'e-invoice'),
    };
    const result = diffRules(rules(demoFlow()), rules(withoutInvoice));
    expect(result.removed.map((rule) => rule.name)).toEqual(['sales-documents:enter-invoice->send-invoice']);
    expect(result.added).toEqual([]);
    expect(diffRules(rules(withoutInvoice), rules(demoFlow())).added.map((rule) => rule.name)).toEqual([
      'sales-documents:enter-invoice->send-invoice',
    ]);
  });
});
