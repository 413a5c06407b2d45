import { describe, expect, it } from 'vitest';
import type { Comparison, FlowNode } from '../../schemas/index.ts';
import { checkComparison } from './check-comparison.ts';
import { documentTrigger, salesPipeline, stageTrigger } from './test-flow.ts';

const place = { nodeId: 'test', pointer: '/nodes/1/data/conditions/all/0' };
const check = (comparison: Comparison, triggers: FlowNode[] = [stageTrigger('start', 'contract')]) =>
  checkComparison({ comparison, place, pipeline: salesPipeline, triggers });
const only = (comparison: Comparison, triggers?: FlowNode[]) => {
  const diagnostics = check(comparison, triggers);
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0];
};

describe('checkComparison: facts', () => {
  it('accepts known facts, custom fields of the pipeline, and documentType after a document trigger', () => {
    expect(check({ fact: 'amount', operator: 'greaterThan', value: 1 })).toEqual([]);
    expect(check({ fact: 'fields.region', operator: 'in', value: ['EU'] })).toEqual([]);
    expect(check({ fact: 'documentType', operator: 'equal', value: 'nda' }, [documentTrigger('d', 'nda')])).toEqual([]);
  });

  it('reports an unknown fact at the comparison, listing facts and the likely one', () => {
    const diagnostic = only({ fact: 'amout', operator: 'greaterThan', value: 1 });
    expect(diagnostic).toMatchObject({ code: 'FACT_UNKNOWN', severity: 'error', ...place });
    expect(diagnostic?.message).toMatch(/^Fact "amout" is not a fact a condition can test \(facts: amount, currency/);
    expect(diagnostic?.message).toContain('Did you mean "amount"?');
  });

  it('lists the declared custom fields for an undeclared fields.X', () => {
    const diagnostic = only({ fact: 'fields.regoin', operator: 'equal', value: 'EU' });
    expect(diagnostic?.message).toContain(
      'not declared in pipeline sales (declared fields: fields.contractTermMonths, fields.region, fields.vip)',
    );
    expect(diagnostic?.message).toContain('Did you mean "fields.region"?');
  });

  it('says the trigger facts are tested already', () => {
    expect(only({ fact: 'pipelineId', operator: 'equal', value: 'sales' })?.message).toContain('set by the flow');
  });

  it('reports documentType under a stage trigger as unknown there, naming the trigger', () => {
    const triggers = [documentTrigger('signed', 'contract'), stageTrigger('start', 'contract')];
    const diagnostic = only({ fact: 'documentType', operator: 'equal', value: 'contract' }, triggers);
    expect(diagnostic?.code).toBe('FACT_UNKNOWN');
    expect(diagnostic?.message).toContain('runs after trigger "start" (Deal enters stage), where it is always empty');
  });

  it('still checks the operator of an unknown fact', () => {
    const codes = check({ fact: 'amout', operator: 'greaterThen', value: 1 }).map((diagnostic) => diagnostic.code);
    expect(codes).toEqual(['FACT_UNKNOWN', 'OPERATOR_UNKNOWN']);
  });
});

describe('checkComparison: operators', () => {
  it('reports an unknown operator, listing the operators', () => {
    const diagnostic = only({ fact: 'amount', operator: 'greaterThen', value: 1 });
    expect(diagnostic).toMatchObject({ code: 'OPERATOR_UNKNOWN', ...place });
    expect(diagnostic?.message).toContain('Did you mean "greaterThan"?');
    expect(diagnostic?.message).toContain('Operators: equal, notEqual, lessThan');
  });

  it('explains that contains tests lists and never matches text', () => {
    const diagnostic = only({ fact: 'title', operator: 'contains', value: 'support' });
    expect(diagnostic?.code).toBe('OPERATOR_NOT_FOR_FACT');
    expect(diagnostic?.message).toContain('contains and doesNotContain test list facts such as contacts.role');
    expect(diagnostic?.message).toContain('never match text');
    expect(only({ fact: 'amount', operator: 'doesNotContain', value: 'x' })?.code).toBe('OPERATOR_NOT_FOR_FACT');
  });

  it('lists the operators that fit the fact type', () => {
    const diagnostic = only({ fact: 'currency', operator: 'greaterThan', value: 1 });
    expect(diagnostic?.message).toContain('operators for string facts: equal, notEqual, in, notIn, exists');
    expect(only({ fact: 'contacts.role', operator: 'equal', value: 'signer' })?.message).toContain('use contains');
  });
});

describe('checkComparison: values', () => {
  it('wants a value of the fact type for equal', () => {
    const diagnostic = only({ fact: 'amount', operator: 'equal', value: '50000' });
    expect(diagnostic).toMatchObject({ code: 'VALUE_TYPE_MISMATCH', ...place });
    expect(diagnostic?.message).toBe(
      'Comparing "amount" (a number) with equal takes a number as the value; got the string "50000". ' +
        'Write 50000 without quotes.',
    );
    expect(only({ fact: 'fields.vip', operator: 'notEqual', value: 'yes' })?.code).toBe('VALUE_TYPE_MISMATCH');
  });

  it('wants a list of the fact type for in, a string for contains, a number for greaterThan', () => {
    expect(only({ fact: 'fields.region', operator: 'in', value: 'EU' })?.code).toBe('VALUE_TYPE_MISMATCH');
    expect(only({ fact: 'contacts.count', operator: 'notIn', value: [1, '2'] })?.code).toBe('VALUE_TYPE_MISMATCH');
    expect(only({ fact: 'contacts.role', operator: 'contains', value: 1 })?.code).toBe('VALUE_TYPE_MISMATCH');
    expect(only({ fact: 'amount', operator: 'greaterThan', value: null })?.code).toBe('VALUE_TYPE_MISMATCH');
    expect(check({ fact: 'contacts.role', operator: 'contains', value: 'signer' })).toEqual([]);
  });

  it('wants no value for exists', () => {
    expect(check({ fact: 'amount', operator: 'exists' })).toEqual([]);
    expect(only({ fact: 'amount', operator: 'exists', value: null })?.message).toContain('Remove "value"');
  });
});
