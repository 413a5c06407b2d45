import { describe, expect, it } from 'vitest';
import type { Run } from '../../../../schemas/index.ts';
import { emptyRunFilter, matchesRun, pollDelay, runQuery, runStage } from './run-filters.ts';

function run(overrides: Partial<Run> = {}): Run {
  return {
    id: 'r-1',
    eventId: 'e-1',
    pipelineId: 'sales',
    dealId: 'D-1042',
    status: 'completed',
    plan: {
      eventId: 'e-1',
      pipelineId: 'sales',
      bucket: 'sales/deal.stage_changed/contract',
      rulesConsidered: 2,
      actions: [],
      suppressed: [],
      warnings: [],
    },
    documents: [],
    warnings: [],
    errors: [],
    actions: [],
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:01.000Z',
    ...overrides,
  };
}

describe('run filters', () => {
  it('sends only the filters that are set, with times in UTC', () => {
    const query = new URLSearchParams(
      runQuery({ ...emptyRunFilter, dealId: ' D-1 ', status: 'failed', since: '2026-12-01T10:00' }, 'sales'),
    );
    expect(query.get('dealId')).toBe('D-1');
    expect(query.get('status')).toBe('failed');
    expect(query.get('pipelineId')).toBe('sales');
    expect(query.get('since')).toBe(new Date('2026-12-01T10:00').toISOString());
    expect(query.has('stageId')).toBe(false);
  });

  it('applies every filter to the runs it gets, in case the runtime ignored one', () => {
    const invoice = run({
      id: 'r-2',
      plan: { ...(run().plan as NonNullable<Run['plan']>), bucket: 'sales/deal.stage_changed/invoice' },
    });
    expect(runStage(invoice)).toBe('invoice');
    expect(matchesRun(invoice, { ...emptyRunFilter, stageId: 'contract' })).toBe(false);
    expect(matchesRun(run(), { ...emptyRunFilter, stageId: 'contract' })).toBe(true);
    expect(matchesRun(run(), { ...emptyRunFilter, status: 'running' })).toBe(false);
    expect(matchesRun(run(), { ...emptyRunFilter, documentType: 'contract' })).toBe(false);
    expect(matchesRun(run(), { ...emptyRunFilter, until: '2026-11-30T00:00' })).toBe(false);
    expect(matchesRun(run(), emptyRunFilter, 'other')).toBe(false);
  });

  it('polls while a visible run is not settled, and stops once all are', () => {
    expect(pollDelay([run(), run({ status: 'running' })])).toBe(1500);
    expect(pollDelay([run(), run({ status: 'failed' })])).toBeNull();
    expect(pollDelay([])).toBeNull();
    expect(pollDelay([run()], 10_000)).toBe(10_000);
    expect(pollDelay([run({ status: 'accepted' })], 10_000)).toBe(1500);
  });
});
