// Notes are designer-only: the schema accepts them and the engine's validation and compiler
// give the same result with or without them.
import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../../engine/compile/compile-flow.ts';
import { validateFlow } from '../../../engine/validation/validate-flow.ts';
import { demoFlow, fixtureFlows } from './fixture-flows.test-support.ts';

describe('canvas notes', () => {
  const note = { id: 'explain', position: { x: 10, y: 10 }, text: 'Large deals use their own template' };

  it('are accepted by the flow schema and ignored by the compiler', () => {
    const flow = demoFlow();
    const withNotes = { ...flow, notes: [note] };
    expect(validateFlow(withNotes).diagnostics).toEqual(validateFlow(flow).diagnostics);
    expect(compileFlow(withNotes)).toEqual(compileFlow(flow));
  });

  it.each(fixtureFlows().map(({ file, flow }) => [file, flow] as const))(
    'do not change the diagnostics of %s',
    (_file, flow) => {
      expect(validateFlow({ ...flow, notes: [note] }).diagnostics).toEqual(validateFlow(flow).diagnostics);
    },
  );
});
