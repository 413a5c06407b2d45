import { describe, expect, it } from 'vitest';
import { listFacts } from '../../../engine/facts/fact-catalogue.ts';
import { operators } from '../../../engine/operators/operators.ts';
import { validateFlow } from '../../../engine/validation/validate-flow.ts';
import {
  factsFor,
  formatValueInput,
  operatorsFor,
  parseValueInput,
  reshapeComparison,
  valueInputKind,
} from './fact-options.ts';
import { demoFlow } from './fixture-flows.test-support.ts';

const pipeline = demoFlow().pipeline;

describe('fact options', () => {
  it('offers the catalogue and the pipeline custom fields with their types', () => {
    expect(factsFor(pipeline)).toEqual(listFacts(pipeline));
    expect(factsFor(pipeline).find((fact) => fact.name === 'fields.contractTermMonths')?.type).toBe('number');
    expect(factsFor(pipeline, 'deal.stage_changed').some((fact) => fact.name === 'documentType')).toBe(false);
    expect(factsFor(pipeline, 'document.completed').some((fact) => fact.name === 'documentType')).toBe(true);
  });

  it('offers only operators the engine allows for the fact type', () => {
    expect(operatorsFor('list').sort()).toEqual(['contains', 'doesNotContain', 'exists']);
    for (const name of operatorsFor('string')) expect(operators[name].appliesTo).toContain('string');
    expect(operatorsFor('string')).not.toContain('greaterThan');
  });

  it('picks a value input of the fact type', () => {
    expect(valueInputKind('greaterThan', 'number')).toBe('number');
    expect(valueInputKind('equal', 'boolean')).toBe('boolean');
    expect(valueInputKind('in', 'number')).toBe('numberList');
    expect(valueInputKind('contains', 'list')).toBe('text');
    expect(valueInputKind('exists', 'string')).toBe('none');
  });

  it('reshapes a comparison so the validator accepts it after the fact changes', () => {
    const reshaped = reshapeComparison({ fact: 'fields.region', operator: 'greaterThan', value: 5 }, pipeline);
    expect(reshaped.operator).toBe(operatorsFor('string')[0]);
    const flow = demoFlow();
    const condition = flow.nodes.find((node) => node.type === 'condition');
    if (condition?.type !== 'condition') throw new Error('demo has a condition');
    condition.data.conditions = { all: [reshaped] };
    const codes = validateFlow(flow).diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).not.toContain('OPERATOR_NOT_FOR_FACT');
    expect(codes).not.toContain('VALUE_TYPE_MISMATCH');
  });

  it('parses typed text into the value type and formats it back', () => {
    expect(parseValueInput('number', '50000')).toBe(50000);
    expect(parseValueInput('numberList', '12, 24')).toEqual([12, 24]);
    expect(parseValueInput('textList', 'EU, UK')).toEqual(['EU', 'UK']);
    expect(parseValueInput('boolean', 'false')).toBe(false);
    expect(formatValueInput(['EU', 'UK'])).toBe('EU, UK');
  });
});
