import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAgainst, type ExportDocument, type Flow, loadSchema } from '../../schemas/index.ts';
import { ruleOf, ruleSetOf } from '../../test/support/rule-sets.ts';
import { compileFlow } from '../compile/compile-flow.ts';
import { exportRows } from './export-rows.ts';
import { serializeExport, toExportJson } from './to-export-json.ts';

const demoFlow = JSON.parse(
  readFileSync(new URL('../../schemas/examples/flow.sales.json', import.meta.url), 'utf8'),
) as Flow;

describe('toExportJson', () => {
  it('matches export.schema.json, with the rows and each rule as its definition', () => {
    const ruleSet = compileFlow(demoFlow);
    const document = toExportJson(ruleSet);
    expect(checkAgainst<ExportDocument>('export.schema.json', document)).toEqual({ ok: true, value: document });
    expect(document.flows).toEqual(ruleSet.flows);
    expect(document.rules.map(({ definition, ...row }) => row)).toEqual(exportRows(ruleSet));
    expect(document.rules.map((rule) => rule.definition)).toEqual(ruleSet.rules);
  });

  it('is rejected by the schema when a row lacks a column or has an extra one', () => {
    const document = toExportJson(compileFlow(demoFlow));
    const [first] = document.rules;
    const { templateId, ...withoutTemplate } = first!;
    const missing = checkAgainst('export.schema.json', { ...document, rules: [withoutTemplate] });
    expect(missing).toEqual({
      ok: false,
      violations: [{ pointer: '/rules/0', message: 'missing required property "templateId"' }],
    });
    const extra = checkAgainst('export.schema.json', { ...document, rules: [{ ...first, owner: 'x' }] });
    expect(extra.ok).toBe(false);
  });

  it('lists the same row properties in exportedRule as in exportRow, so the two shapes cannot drift', () => {
    type Definition = { properties: Record<string, unknown>; required: string[] };
    const schema = loadSchema('export.schema.json') as { definitions: Record<string, Definition> };
    const { exportRow, exportedRule } = schema.definitions as { exportRow: Definition; exportedRule: Definition };
    expect(Object.keys(exportedRule.properties)).toEqual([...Object.keys(exportRow.properties), 'definition']);
    expect(exportedRule.required).toEqual([...exportRow.required, 'definition']);
  });

  it('serializes to the same bytes for the same rule set', () => {
    const ruleSet = ruleSetOf([ruleOf('b', { priority: 2 }), ruleOf('a')]);
    const text = serializeExport(toExportJson(ruleSet));
    expect(text).toBe(serializeExport(toExportJson(structuredClone(ruleSet))));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toExportJson(ruleSet));
  });
});
