import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../../engine/compile/compile-flow.ts';
import { exportRow } from '../../../engine/export/export-rows.ts';
import { demoFlow } from '../graph/fixture-flows.test-support.ts';
import { boardRules, layoutBoard } from './board-rules.ts';

describe('stage board rules', () => {
  const flow = demoFlow();

  it('lists one row per compiled rule with the same conditions in words as the export', () => {
    const rows = compileFlow(flow).rules.map(exportRow);
    const rules = boardRules(flow);
    expect(rules).toHaveLength(rows.length);
    for (const row of rows) {
      const match = rules.find(
        (rule) =>
          rule.action.id === row.ruleName.split('/').at(-1) ||
          (rule.conditions === row.conditions && rule.action.type === row.action),
      );
      expect(match, row.ruleName).toBeDefined();
    }
    expect(new Set(rules.map((rule) => rule.conditions))).toEqual(new Set(rows.map((row) => row.conditions)));
  });

  it('files stage rules under their stage and document rules apart', () => {
    const { byStage, byDocument } = layoutBoard([flow]);
    const contract = byStage.get('contract') ?? [];
    expect(contract.length).toBeGreaterThanOrEqual(2);
    expect(contract.every((rule) => rule.trigger.type === 'stageEntered')).toBe(true);
    expect([...byDocument.keys()].some((key) => key.startsWith('document.'))).toBe(true);
    for (const rules of byDocument.values()) {
      for (const rule of rules) expect(rule.trigger.type).not.toBe('stageEntered');
    }
  });
});
