import { describe, expect, it } from 'vitest';
import { checkStages } from './check-stages.ts';
import { prepareFlow } from './flow-under-check.ts';
import { documentTrigger, edge, moveDeal, stageTrigger, testFlow } from './test-flow.ts';

describe('checkStages', () => {
  it('reports an unknown stage on a trigger, listing the pipeline stages and the likely one', () => {
    const flow = testFlow([stageTrigger('start', 'contrakt')], []);
    const diagnostics = checkStages(prepareFlow(flow));
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'STAGE_UNKNOWN', nodeId: 'start', pointer: '/nodes/0/data/stageId' }),
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Stage "contrakt" is not in pipeline sales (stages: lead, qualified, proposal, contract, invoice, won, lost). ' +
        'Did you mean "contract"? Pick one of the pipeline\'s stages.',
    );
  });

  it('reports an unknown stage on a move-deal action', () => {
    const flow = testFlow([documentTrigger('signed', 'contract'), moveDeal('move', 'paid')], [edge('signed', 'move')]);
    expect(checkStages(prepareFlow(flow))).toEqual([
      expect.objectContaining({ code: 'STAGE_UNKNOWN', nodeId: 'move', pointer: '/nodes/1/data/stageId' }),
    ]);
  });

  it('accepts stages of the pipeline', () => {
    const flow = testFlow([stageTrigger('start', 'won'), moveDeal('move', 'lost')], []);
    expect(checkStages(prepareFlow(flow))).toEqual([]);
  });
});
