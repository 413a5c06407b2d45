import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DealEvent, Flow } from '../../../../schemas/index.ts';
import { setLanguage, t } from '../../i18n/i18n.ts';
import { readTrace } from './read-trace.ts';
import { runDraft } from './run-draft.ts';
import { traceOverlay } from './trace-overlay.ts';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const flow: Flow = read('../../../../schemas/examples/flow.sales.json');
const event: DealEvent = read('../../../../schemas/examples/deal-event.contract.json');

function overlayFor(options = {}) {
  const run = runDraft(flow, event);
  if (!run.ok) throw new Error(run.reason);
  return traceOverlay(flow, readTrace(flow, run.ruleSet, run.plan), t, options);
}

describe('traceOverlay', () => {
  it('highlights the path, dims the rest and writes each condition with its fact value', () => {
    setLanguage('en');
    const overlay = overlayFor();
    expect(overlay.dimUnreached).toBe(true);
    expect(overlay.reached).toEqual(['enter-contract', 'is-large-deal', 'send-contract-large']);
    expect(overlay.nodeNotes?.['is-large-deal']).toBe(
      'amount > 50000: value 62500 → ✓ true\nLeaves by the ✓ true branch',
    );
    expect(overlay.nodeNotes?.['send-contract-large']).toBe('✓ Runs: in the plan');
    expect(overlay.nodeNotes?.['send-contract-standard']).toBeUndefined();
  });

  it('leaves the values out for a role that may not see personal data', () => {
    setLanguage('en');
    expect(overlayFor({ hideValues: true }).nodeNotes?.['is-large-deal']).toBe(
      'amount > 50000 → ✓ true\nLeaves by the ✓ true branch',
    );
  });

  it('speaks Portuguese when asked', () => {
    setLanguage('pt-BR');
    expect(overlayFor().nodeNotes?.['is-large-deal']).toContain('valor 62500 → ✓ verdadeiro');
    setLanguage('en');
  });
});
