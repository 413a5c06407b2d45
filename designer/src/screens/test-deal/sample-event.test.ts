import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealEvent, Flow } from '../../../../schemas/index.ts';
import { dealFormSpec } from './deal-form.ts';
import { blankForm, eventFromForm, formFromEvent } from './sample-event.ts';
import { triggerChoices } from './trigger-choices.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const flow: Flow = read('../../../../schemas/examples/flow.sales.json');
const examples = ['deal-event.contract.json', 'deal-event.small-contract.json', 'deal-event.contract-completed.json'];
const spec = dealFormSpec(flow.pipeline);

describe('dealFormSpec', () => {
  it('takes inputs, their types and limits from the deal-event schema and the pipeline', () => {
    const byName = new Map(spec.deal.map((input) => [input.name, input]));
    expect(byName.get('id')).toMatchObject({ kind: 'text', required: true, maxLength: 200 });
    expect(byName.get('amount')).toMatchObject({ kind: 'number', required: false });
    expect(byName.get('stageId')).toMatchObject({ kind: 'stage', required: true });
    expect(byName.get('previousStageId')).toMatchObject({ kind: 'stage', required: false });
    expect(byName.get('currency')?.pattern).toBe('^[A-Z]{3}$');
    expect(byName.has('contacts')).toBe(false);
    expect(spec.contact.find((input) => input.name === 'email')?.kind).toBe('email');
    expect(spec.company.find((input) => input.name === 'name')?.required).toBe(true);
    expect(spec.fields).toEqual([
      { name: 'contractTermMonths', kind: 'number', required: false, label: 'Contract term (months)' },
      { name: 'region', kind: 'text', required: false, label: 'Region' },
    ]);
  });
});

describe('form ⇄ event', () => {
  it.each(examples)('round-trips %s losslessly', (name) => {
    const event: DealEvent = read(`../../../../schemas/examples/${name}`);
    const built = eventFromForm(spec, formFromEvent(spec, event), event.pipelineId);
    expect(built).toEqual({ ok: true, event });
  });

  it('keeps custom fields the pipeline does not declare', () => {
    const event: DealEvent = read('../../../../schemas/examples/deal-event.contract.json');
    const withExtra = { ...event, deal: { ...event.deal, fields: { ...event.deal.fields, legacyCode: 'X1' } } };
    const built = eventFromForm(spec, formFromEvent(spec, withExtra), event.pipelineId);
    expect(built.ok && built.event.deal.fields).toEqual({ contractTermMonths: 12, region: 'EU', legacyCode: 'X1' });
  });

  it('types values by the form: numbers, yes/no, the entered stage', () => {
    const form = blankForm({ type: 'deal.stage_changed', selector: 'contract' }, new Date('2026-12-01T10:00:00Z'));
    form.values['/deal/amount'] = '62500,5';
    form.values['/deal/fields/contractTermMonths'] = '24';
    const built = eventFromForm(spec, form, 'sales');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.event.deal).toEqual({
      id: 'TEST-1',
      stageId: 'contract',
      amount: 62500.5,
      fields: { contractTermMonths: 24 },
    });
    expect(built.event.type).toBe('deal.stage_changed');
    expect(built.event.document).toBeUndefined();
  });

  it('names each input that is wrong by its pointer', () => {
    const form = blankForm({ type: 'deal.stage_changed', selector: 'contract' }, new Date());
    form.values['/deal/id'] = '';
    form.values['/deal/amount'] = 'lots';
    form.values['/deal/currency'] = 'euro';
    form.contactCount = 1;
    form.values['/deal/contacts/0/name'] = 'Ana';
    const built = eventFromForm(spec, form, 'sales');
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems).toEqual([
      { pointer: '/deal/id', reason: 'required' },
      { pointer: '/deal/amount', reason: 'number' },
      { pointer: '/deal/currency', reason: 'pattern' },
      { pointer: '/deal/contacts/0/id', reason: 'required' },
    ]);
  });

  it('lets the schema check what the form does not (an email that is not one)', () => {
    const form = blankForm({ type: 'deal.stage_changed', selector: 'contract' }, new Date());
    form.contactCount = 1;
    Object.assign(form.values, {
      '/deal/contacts/0/id': 'P-1',
      '/deal/contacts/0/name': 'Ana',
      '/deal/contacts/0/email': 'not-mail',
    });
    const built = eventFromForm(spec, form, 'sales');
    expect(built.ok).toBe(false);
    if (!built.ok)
      expect(built.problems.map((problem) => [problem.pointer, problem.reason])).toEqual([
        ['/deal/contacts/0/email', 'schema'],
      ]);
  });

  it('a document trigger sends a document of that type', () => {
    const form = blankForm({ type: 'document.completed', selector: 'contract' }, new Date());
    form.values['/deal/stageId'] = 'contract';
    const built = eventFromForm(spec, form, 'sales');
    expect(built.ok && built.event.document).toEqual({ id: 'designer-test-document', type: 'contract' });
  });
});

describe('triggerChoices', () => {
  it('lists each bucket the flow listens to once', () => {
    expect(triggerChoices(flow).map((choice) => `${choice.type}/${choice.selector}`)).toEqual([
      'deal.stage_changed/contract',
      'deal.stage_changed/invoice',
      'document.completed/contract',
      'document.declined/contract',
    ]);
  });
});
