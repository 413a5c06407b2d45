// The check behind `npm run check` fails on a planted redefinition of each closed set, passes on
// ordinary uses, and passes on the designer as it is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDesigner, engineVocabulary } from './designer-imports-engine.ts';
import { findRedefinitions } from './find-redefinitions.ts';

const vocabulary = engineVocabulary();
const scan = (text: string, file = 'designer/src/planted.ts') => findRedefinitions(file, text, vocabulary);

describe('designer-imports-engine check', () => {
  const places: string[] = [];
  afterAll(() => {
    for (const place of places) rmSync(place, { recursive: true, force: true });
  });

  it('finds node kinds written out as an array, a union, an enum or object keys', () => {
    expect(scan("export const kinds = ['stageEntered', 'condition', 'sendDocument'];")).toMatchObject([
      { set: 'node kind', where: 'array', line: 1, names: ['stageEntered', 'condition', 'sendDocument'] },
    ]);
    expect(scan("type Kind = 'condition' | 'moveDeal';")).toMatchObject([{ set: 'node kind', where: 'union' }]);
    expect(scan("enum Kind { A = 'condition', B = 'callWebhook' }")).toMatchObject([
      { set: 'node kind', where: 'enum' },
    ]);
    expect(scan("const titles = {\n  condition: 'Condition',\n  moveDeal: 'Move deal',\n};")).toMatchObject([
      { set: 'node kind', where: 'object keys', line: 1 },
    ]);
    expect(scan('interface Forms { condition: string; sendDocument: string }')).toMatchObject([
      { set: 'node kind', where: 'type keys' },
    ]);
  });

  it('finds operators, facts and diagnostic codes written out', () => {
    expect(scan("const ops = ['greaterThan', 'lessThan', 'in'];")[0]).toMatchObject({ set: 'operator' });
    expect(scan("const facts = ['company.name', 'contacts.role'];")[0]).toMatchObject({ set: 'fact' });
    expect(scan("const codes = { FLOW_CYCLE: 'cycle', ACTION_TEMPLATE_MISSING: 'no template' };")[0]).toMatchObject({
      set: 'diagnostic code',
    });
  });

  it('lets ordinary uses and engine-typed registries pass', () => {
    expect(scan("if (node.type === 'condition' || node.type === 'sendDocument') run();")).toEqual([]);
    expect(scan("const deal = { amount: 5, currency: 'EUR', title: 'x', stageId: 'contract' };")).toEqual([]);
    expect(scan("const filters = ['stageId', 'documentType'];")).toEqual([]);
    expect(scan('const one = { condition: 1 };')).toEqual([]);
    expect(scan("type F = NodeOfKind<'stageEntered' | 'moveDeal'>;")).toEqual([]);
    expect(scan("const forms: { [K in NodeKind]: string } = { condition: 'a', moveDeal: 'b' };")).toEqual([]);
    expect(
      scan("type FormOf = { [K in NodeKind]: string };\nconst forms: FormOf = { condition: 'a', moveDeal: 'b' };"),
    ).toEqual([]);
  });

  it('fails a designer tree with a planted redefinition and skips its tests', () => {
    const root = mkdtempSync(join(tmpdir(), 'inkflow-check-'));
    places.push(root);
    mkdirSync(join(root, 'editor'));
    writeFileSync(join(root, 'editor', 'palette.tsx'), "export const palette = ['stageEntered', 'condition'];\n");
    writeFileSync(join(root, 'editor', 'palette.test.ts'), "expect(kinds).toEqual(['stageEntered', 'condition']);\n");
    const found = checkDesigner(root);
    expect(found).toHaveLength(1);
    expect(found[0]?.file).toMatch(/palette\.tsx$/);
  });

  it('passes on designer/src as it is', () => {
    expect(checkDesigner()).toEqual([]);
  });
});
