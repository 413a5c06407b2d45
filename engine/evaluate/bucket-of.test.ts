import { describe, expect, it } from 'vitest';
import type { DealEvent } from '../../schemas/index.ts';
import { exampleEvent } from '../../test/support/examples.ts';
import { bucketOf, impliedFacts, triggerFactsAreExact } from './bucket-of.ts';

describe('bucketOf', () => {
  it('keys stage changes by stage and document events by document type', () => {
    expect(bucketOf(exampleEvent('contract'))).toBe('sales/deal.stage_changed/contract');
    const completed = exampleEvent('contract-completed');
    expect(bucketOf({ ...completed, deal: { ...completed.deal, stageId: 'won' } })).toBe(
      'sales/document.completed/contract',
    );
  });

  it('gives a document event without a document an empty selector, which no trigger has', () => {
    const { document: _, ...noDocument } = exampleEvent('contract-completed');
    expect(bucketOf(noDocument as DealEvent)).toBe('sales/document.completed/');
    expect(triggerFactsAreExact(noDocument as DealEvent)).toBe(false);
  });
});

describe('impliedFacts', () => {
  it('reads the trigger facts back from a key', () => {
    expect(impliedFacts('sales/document.declined/nda')).toEqual(
      new Map([
        ['pipelineId', 'sales'],
        ['eventType', 'document.declined'],
        ['documentType', 'nda'],
      ]),
    );
  });

  it('proves nothing from a key that does not decompose one way', () => {
    expect(impliedFacts('a/b/deal.stage_changed/contract')).toBeUndefined();
    expect(impliedFacts('sales/deal.stage_changed/')).toBeUndefined();
    expect(impliedFacts('sales/deal.created/lead')).toBeUndefined();
  });
});
