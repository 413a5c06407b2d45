import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDealEvent, checkFlow, checkPipeline, type SchemaCheck } from './index.ts';

const examples = join(dirname(fileURLToPath(import.meta.url)), 'examples');
const read = (file: string): unknown => JSON.parse(readFileSync(join(examples, file), 'utf8'));

const checkerFor: Array<[RegExp, (value: unknown) => SchemaCheck<unknown>]> = [
  [/^flow\./, checkFlow],
  [/^pipeline\./, checkPipeline],
  [/^deal-event\./, checkDealEvent],
];

describe('schemas/examples', () => {
  const files = readdirSync(examples).filter((file) => file.endsWith('.json'));

  it('has an example for the flow, the pipeline and the deal event', () => {
    for (const [pattern] of checkerFor) expect(files.some((file) => pattern.test(file))).toBe(true);
  });

  for (const file of files) {
    it(`${file} is valid against its schema`, () => {
      const entry = checkerFor.find(([pattern]) => pattern.test(file));
      expect(entry, `no schema known for ${file}`).toBeDefined();
      const result = entry?.[1](read(file));
      expect(result?.ok ? [] : result?.violations).toEqual([]);
    });
  }

  it('the demo pipeline has the stages of the sales process in order', () => {
    const flow = read('flow.sales.json') as { pipeline: { id: string; stages: Array<{ id: string }> } };
    expect(flow.pipeline.id).toBe('sales');
    expect(flow.pipeline.stages.map((stage) => stage.id)).toEqual([
      'lead',
      'qualified',
      'proposal',
      'contract',
      'invoice',
      'won',
      'lost',
    ]);
    expect(read('pipeline.sales.json')).toEqual(flow.pipeline);
  });
});

describe('deal event schema', () => {
  const event = read('deal-event.contract.json') as Record<string, unknown>;

  it('points at the field that is wrong', () => {
    const result = checkDealEvent({ ...event, occurredAt: 'yesterday' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations[0]?.pointer).toBe('/occurredAt');
  });

  it('requires the document on document events', () => {
    const result = checkDealEvent({ ...event, type: 'document.completed' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations.map((v) => v.message).join()).toContain('"document"');
  });

  it('rejects unknown properties by name', () => {
    const result = checkDealEvent({ ...event, dael: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.violations[0]?.message).toContain('"dael"');
  });
});

describe('schema violations', () => {
  it('keeps independent errors in different nodes', () => {
    const flow = read('flow.sales.json') as { nodes: Array<{ data: Record<string, unknown> }> };
    const broken = structuredClone(flow);
    const largeDeal = broken.nodes[1] as { data: { conditions: { all: Array<Record<string, unknown>> } } };
    largeDeal.data.conditions.all[0] = {
      fact: 'amount',
      operator: 'greaterThan',
      value: 1,
      extra: true,
    };
    delete broken.nodes[2]?.data.templateId;
    const result = checkFlow(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const pointers = result.violations.map((violation) => violation.pointer);
    expect(pointers.some((pointer) => pointer.startsWith('/nodes/1/'))).toBe(true);
    expect(pointers).toContain('/nodes/2/data');
  });
});
