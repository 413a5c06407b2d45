import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealEvent, Flow } from '../../../../schemas/index.ts';
import { readTrace } from './read-trace.ts';
import { runDraft } from './run-draft.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const salesFlow: Flow = read('../../../../schemas/examples/flow.sales.json');
const prioritiesFlow: Flow = read('../../../../test/fixtures/flows/valid-priorities.json');
const contractEvent: DealEvent = read('../../../../schemas/examples/deal-event.contract.json');

function traced(flow: Flow, event: DealEvent) {
  const run = runDraft(flow, event);
  if (!run.ok) throw new Error(run.reason);
  return { run, reading: readTrace(flow, run.ruleSet, run.plan) };
}

describe('readTrace', () => {
  it('follows the true branch of a large deal and reports the fact value', () => {
    const { reading } = traced(salesFlow, contractEvent);
    expect(reading.reached).toEqual(['enter-contract', 'is-large-deal', 'send-contract-large']);
    expect(reading.conditions.get('is-large-deal')).toEqual({
      result: true,
      comparisons: [{ fact: 'amount', operator: 'greaterThan', value: 50000, factValue: 62500, result: true }],
    });
    expect(reading.actions.get('send-contract-large')?.state).toBe('planned');
    expect(reading.actions.get('send-contract-standard')).toEqual({ state: 'notFired' });
    expect(reading.actions.get('send-invoice')).toEqual({ state: 'notFired' });
  });

  it('follows the false branch of a small deal (the false step is read inside its not)', () => {
    const small = { ...contractEvent, deal: { ...contractEvent.deal, amount: 1200 } };
    const { reading } = traced(salesFlow, small);
    expect(reading.reached).toEqual(['enter-contract', 'is-large-deal', 'send-contract-standard']);
    expect(reading.conditions.get('is-large-deal')?.result).toBe(false);
    expect(reading.conditions.get('is-large-deal')?.comparisons[0]?.factValue).toBe(1200);
    const taken = reading.edgeTaken.map((id) => salesFlow.edges.find((edge) => edge.id === id)?.target);
    expect(taken).toEqual(['is-large-deal', 'send-contract-standard']);
  });

  it('reads rules with several paths and names the rule that won over a suppressed one', () => {
    const event: DealEvent = {
      ...contractEvent,
      deal: {
        ...contractEvent.deal,
        stageId: 'proposal',
        fields: { region: 'EU' },
        contacts: [{ id: 'P-9', name: 'Lia', role: 'legal' }],
      },
    };
    const { reading } = traced(prioritiesFlow, event);
    expect(reading.conditions.get('is-eu')?.result).toBe(true);
    expect(reading.conditions.get('eu-legal')?.result).toBe(true);
    // Evaluated by the trace (the other path of the strict NDA) but not reached by this event.
    expect(reading.conditions.get('large-legal')?.result).toBe(false);
    expect(reading.reached).not.toContain('large-legal');
    expect(reading.reached).toContain('send-nda-strict');
    expect(reading.actions.get('send-nda-standard')).toEqual({
      state: 'suppressed',
      ruleName: 'proposal-documents:enter-proposal->send-nda-standard',
      wonBy: 'proposal-documents:enter-proposal->send-nda-strict',
      wonByNodeId: 'send-nda-strict',
    });
    expect(reading.actions.get('send-proposal-eu')?.state).toBe('planned');
    expect(reading.actions.get('send-proposal')?.state).toBe('notFired');
  });

  it('starts from every trigger of the bucket of the event (the engine merges them into one rule)', () => {
    const twoTriggers: Flow = structuredClone(salesFlow);
    twoTriggers.nodes.push({
      id: 'enter-contract-again',
      type: 'stageEntered',
      position: { x: 0, y: 300 },
      data: { stageId: 'contract' },
    });
    twoTriggers.edges.push({ id: 'e-again', source: 'enter-contract-again', target: 'send-invoice' });
    const { reading } = traced(twoTriggers, contractEvent);
    expect(reading.reached).toEqual(expect.arrayContaining(['enter-contract', 'enter-contract-again', 'send-invoice']));
    expect(reading.actions.get('send-invoice')?.state).toBe('planned');
    expect(reading.edgeTaken).toContain('e-again');
  });

  it('reaches nothing when no trigger listens to the event', () => {
    const lead = { ...contractEvent, deal: { ...contractEvent.deal, stageId: 'lead' } };
    const { reading } = traced(salesFlow, lead);
    expect(reading.reached).toEqual([]);
    expect(reading.edgeTaken).toEqual([]);
  });
});

describe('runDraft', () => {
  it('reports an uncompilable draft instead of throwing', () => {
    const broken: Flow = read('../../../../test/fixtures/flows/error-operator-unknown.json');
    const run = runDraft(broken, contractEvent);
    expect(run.ok).toBe(false);
  });
});
