// The seeded demo is consistent: for each example event, every document the demo flow plans
// renders from the demo templates with no warning at all (no missing placeholder, no unknown
// signer), on a real store with the demo seeded through the same use cases as at first start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../runtime/demo/seed-demo.ts';
import { renderDocument } from '../../runtime/documents/render-document-files.ts';
import { loadActiveRuleSet } from '../../runtime/flows/load-active-rule-set.ts';
import { compiledFlowVersion } from '../../runtime/runs/evaluator-cache.ts';
import type { PlannedSendDocument } from '../../schemas/index.ts';
import { exampleEvent, exampleEventNames } from '../support/examples.ts';
import { createTestServices } from '../support/test-services.ts';

describe('the seeded demo', () => {
  let services: Awaited<ReturnType<typeof createTestServices>>;

  beforeAll(async () => {
    services = await createTestServices();
    expect(await seedDemo(services)).toBe(true);
  });
  afterAll(() => services?.dispose());

  it.each(exampleEventNames)('makes the documents of the %s example without warnings', async (name) => {
    const event = exampleEvent(name);
    const active = await loadActiveRuleSet(services, event.pipelineId);
    if (!active) throw new Error('the demo flow is not published');
    const compiled = compiledFlowVersion(services.database, active.flowId, active.version, active.ruleSet);
    const plan = compiled.evaluator.evaluate(event);
    expect(plan.warnings).toEqual([]);
    const sends = plan.actions.filter((action): action is PlannedSendDocument => action.kind === 'sendDocument');
    if (name !== 'contract-completed') expect(sends.length).toBeGreaterThan(0);
    for (const action of sends) {
      const settings = compiled.documentSettings.get(action.ruleName);
      if (!settings) throw new Error(`no settings for ${action.ruleName}`);
      const order = {
        actionKey: `rule:test:${action.ruleName}`,
        runId: null,
        ruleName: action.ruleName,
        event,
        settings,
        signers: action.signers,
        warnings: [],
      };
      const rendered = await renderDocument(services, order, `doc-${name}`);
      expect(rendered.warnings, `${name} / ${action.ruleName}`).toEqual([]);
    }
  });
});
