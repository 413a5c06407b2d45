import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealEvent, Flow } from '../../../../schemas/index.ts';
import { dealFormSpec } from '../test-deal/deal-form.ts';
import { previewDeal, previewSampleForm } from './preview-deal.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const flow: Flow = read('../../../../schemas/examples/flow.sales.json');
const stored: DealEvent = read('../../../../schemas/examples/deal-event.contract.json');
const spec = dealFormSpec(flow.pipeline);
const now = new Date('2026-12-02T02:00:00.000Z');

describe('previewDeal', () => {
  it('sends no deal for the runtime’s demo deal', () => {
    expect(previewDeal({ kind: 'demo' })).toEqual({ ok: true, deal: undefined });
  });

  it('sends a stored event’s deal as it was received, and asks for an event until one is loaded', () => {
    expect(previewDeal({ kind: 'stored', event: stored })).toEqual({ ok: true, deal: stored.deal });
    expect(previewDeal({ kind: 'stored', event: undefined })).toEqual({ ok: false, reason: 'noEvent' });
  });

  it('types the sample form’s deal, with the stage the admin chose (not fixed by a trigger)', () => {
    const blank = previewSampleForm(flow.pipeline, now);
    const form = {
      ...blank,
      values: { ...blank.values, '/deal/amount': '62500', '/deal/stageId': 'won', '/deal/fields/region': 'EU' },
    };
    const answer = previewDeal({ kind: 'form', spec, form, pipelineId: flow.pipeline.id });
    expect(answer).toMatchObject({ ok: true, deal: { id: 'TEST-1', amount: 62500, stageId: 'won' } });
    expect(answer.ok && answer.deal?.fields).toEqual({ region: 'EU' });
  });

  it('starts the sample on the pipeline’s first stage and names a form problem by its input', () => {
    const blank = previewSampleForm(flow.pipeline, now);
    expect(blank.values['/deal/stageId']).toBe(flow.pipeline.stages[0]?.id);
    const form = { ...blank, values: { ...blank.values, '/deal/amount': 'lots' } };
    expect(previewDeal({ kind: 'form', spec, form, pipelineId: flow.pipeline.id })).toEqual({
      ok: false,
      reason: 'problems',
      problems: [{ pointer: '/deal/amount', reason: 'number' }],
    });
  });
});
