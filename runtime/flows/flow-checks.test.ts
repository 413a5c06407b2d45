import { describe, expect, it } from 'vitest';
import { compileFlow, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { hasErrors, validateFlow } from '../../engine/validation/validate-flow.ts';
import { demoFlow } from '../../test/support/examples.ts';
import { chainFlow, fanOutFlow, ladderFlow } from '../../test/support/large-flows.ts';
import { checkFlowOffLoop } from './flow-checks.ts';
import { runFlowCheck } from './run-flow-check.ts';

const context = { templates: ['contract-standard', 'contract-large', 'invoice'], employees: ['director'] };

describe('flow checks off the event loop', () => {
  it('validates small flows inline with the engine’s own answer', async () => {
    const flow = demoFlow();
    expect(await checkFlowOffLoop({ kind: 'validate', document: flow, context })).toEqual({
      kind: 'validate',
      ...validateFlow(flow, context),
    });
  });

  it('validates and compiles a 5,000-node flow in the worker with the same answer, while the loop stays free', async () => {
    const flow = fanOutFlow(5_000, (at) => (at % 1000) + 1);
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 5);
    const validated = await checkFlowOffLoop({ kind: 'validate', document: flow, context });
    clearInterval(ticker);
    expect(validated.diagnostics).toEqual(validateFlow(flow, context).diagnostics);
    // The interval kept firing while the worker validated: the loop was not held.
    expect(ticks).toBeGreaterThan(0);
    const compiled = await checkFlowOffLoop({ kind: 'compile', document: { ...flow, version: 1 } });
    expect(compiled.ruleSet).toBe(serializeRuleSet(compileFlow({ ...flow, version: 1 })));
    expect(compiled.violations).toEqual([]);
  }, 60_000);

  it('compiles a 5,000-node chain to rules within the rule format (publish once refused it as FLOW_TOO_LARGE)', () => {
    const chain = chainFlow();
    expect(hasErrors(validateFlow(chain).diagnostics)).toBe(false);
    expect(runFlowCheck({ kind: 'compile', document: { ...chain, version: 1 } })).toMatchObject({ violations: [] });
  });

  it('reports a flow with too many paths, and a document that is no flow', async () => {
    const ladder = ladderFlow(600);
    const answer = await checkFlowOffLoop({ kind: 'validate', document: ladder, context });
    expect(answer.diagnostics.map((diagnostic) => diagnostic.code)).toContain('FLOW_TOO_MANY_PATHS');
    const broken = await checkFlowOffLoop({ kind: 'validate', document: { nodes: 'none' }, context });
    expect(broken.flow).toBeUndefined();
    expect(broken.diagnostics[0]?.severity).toBe('error');
  }, 60_000);
});
