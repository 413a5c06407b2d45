import { describe, expect, it } from 'vitest';
import { checkConditions, locateComparisons } from './check-conditions.ts';
import { prepareFlow } from './flow-under-check.ts';
import { condition, documentTrigger, edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

describe('locateComparisons', () => {
  it('finds every comparison through all / any / not, with its pointer', () => {
    const found = locateComparisons(
      {
        all: [
          { fact: 'amount', operator: 'greaterThan', value: 1 },
          {
            any: [
              { not: { fact: 'currency', operator: 'equal', value: 'EUR' } },
              { fact: 'title', operator: 'exists' },
            ],
          },
        ],
      },
      '/c',
    );
    expect(found.map(({ comparison, pointer }) => `${pointer} ${comparison.fact}`)).toEqual([
      '/c/all/0 amount',
      '/c/all/1/any/0/not currency',
      '/c/all/1/any/1 title',
    ]);
  });
});

describe('checkConditions', () => {
  it('addresses each bad comparison by node and pointer', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      sendDocument('send'),
      condition('test', {
        any: [
          { fact: 'amount', operator: 'greaterThan', value: 1 },
          { not: { all: [{ fact: 'amout', operator: 'equal', value: 1 }] } },
        ],
      }),
    ];
    const flow = testFlow(nodes, [edge('start', 'test'), edge('test', 'send', 'true')]);
    expect(checkConditions(prepareFlow(flow))).toEqual([
      expect.objectContaining({
        code: 'FACT_UNKNOWN',
        nodeId: 'test',
        pointer: '/nodes/2/data/conditions/any/1/not/all/0',
      }),
    ]);
  });

  it('judges documentType by the triggers that reach the condition', () => {
    const test = condition('is-contract', { all: [{ fact: 'documentType', operator: 'equal', value: 'contract' }] });
    const afterDocument = testFlow(
      [documentTrigger('signed', 'contract'), test, sendDocument('send')],
      [edge('signed', 'is-contract'), edge('is-contract', 'send', 'true')],
    );
    expect(checkConditions(prepareFlow(afterDocument))).toEqual([]);
    const afterStage = testFlow(
      [stageTrigger('start', 'contract'), test, sendDocument('send')],
      [edge('start', 'is-contract'), edge('is-contract', 'send', 'true')],
    );
    expect(checkConditions(prepareFlow(afterStage))).toEqual([
      expect.objectContaining({
        code: 'FACT_UNKNOWN',
        nodeId: 'is-contract',
        pointer: '/nodes/1/data/conditions/all/0',
      }),
    ]);
  });
});
