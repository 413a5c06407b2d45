import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../../engine/validation/validate-flow.ts';
import { demoFlow, fixtureFlows } from '../graph/fixture-flows.test-support.ts';
import { moveElements, updateNodeData } from '../graph/flow-edits.ts';
import { createLiveValidator, mergeDiagnostics } from './validation.ts';

describe('live validation', () => {
  it('gives the engine (CLI) diagnostics for every fixture', () => {
    const validate = createLiveValidator();
    for (const { flow } of fixtureFlows()) expect(validate(flow, {})).toEqual(validateFlow(flow).diagnostics);
  });

  it('reuses the verdict after a move and re-validates after a data edit', () => {
    const validate = createLiveValidator();
    const context = {};
    const flow = demoFlow();
    const first = validate(flow, context);
    const moved = moveElements(flow, new Map([[flow.nodes[0]?.id as string, { x: 999, y: 999 }]]));
    expect(validate(moved, context)).toBe(first);
    const send = flow.nodes.find((node) => node.type === 'sendDocument');
    if (send?.type !== 'sendDocument') throw new Error('demo sends a document');
    const broken = updateNodeData(moved, send.id, { ...send.data, templateId: '' });
    const codes = validate(broken, context).map((diagnostic) => diagnostic.code);
    expect(codes).toContain('ACTION_TEMPLATE_MISSING');
  });

  it('checks templates against the runtime list when given', () => {
    const validate = createLiveValidator();
    const codes = validate(demoFlow(), { templates: [], employees: [] }).map((diagnostic) => diagnostic.code);
    expect(codes).toContain('TEMPLATE_UNKNOWN');
  });

  it('adds only server findings the browser did not make', () => {
    const local = validateFlow(demoFlow(), { templates: [] }).diagnostics;
    const extra = { code: 'EMPLOYEE_UNKNOWN' as const, severity: 'error' as const, message: 'x', nodeId: 'n' };
    expect(mergeDiagnostics(local, [...local, extra])).toEqual([...local, extra]);
  });
});
