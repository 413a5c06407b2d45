import { describe, expect, it } from 'vitest';
import { compileFlow, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { type ActionPlan, checkActionPlan } from '../../schemas/index.ts';
import { demoFlow } from '../support/examples.ts';
import {
  contractEventFile,
  demoFlowFile,
  runCli,
  runInProcess,
  scratchDirectory,
  smallContractEventFile,
  writeScratchFile,
} from './run-cli.ts';

const templatesOf = (plan: ActionPlan): string[] =>
  plan.actions.map((action) => (action.kind === 'sendDocument' ? action.templateId : action.kind));

describe('inkflow simulate', () => {
  it('sends the large-deal contract for the 62,500 EUR deal and the standard one for a small deal', async () => {
    const [large, small] = await Promise.all([
      runCli('simulate', demoFlowFile, contractEventFile),
      runCli('simulate', demoFlowFile, smallContractEventFile),
    ]);
    expect(large.code).toBe(0);
    const largePlan = JSON.parse(large.stdout) as ActionPlan;
    expect(checkActionPlan(largePlan).ok).toBe(true);
    expect(templatesOf(largePlan)).toEqual(['contract-large']);
    expect(largePlan.trace).toBeUndefined();
    expect(templatesOf(JSON.parse(small.stdout) as ActionPlan)).toEqual(['contract-standard']);
  });

  it('gives the same plan from a compiled rule set file as from the flow', async () => {
    const rules = writeScratchFile(scratchDirectory(), 'rules.json', serializeRuleSet(compileFlow(demoFlow())));
    const [fromRules, fromFlow] = await Promise.all([
      runInProcess('simulate', rules, contractEventFile),
      runInProcess('simulate', demoFlowFile, contractEventFile),
    ]);
    expect(fromRules.code).toBe(0);
    expect(fromRules.stdout).toBe(fromFlow.stdout);
  });

  it('adds the trace of every rule of the bucket with --trace', async () => {
    const run = await runInProcess('simulate', demoFlowFile, contractEventFile, '--trace');
    const plan = JSON.parse(run.stdout) as ActionPlan;
    expect(plan.trace?.map((rule) => [rule.ruleName, rule.fired])).toEqual([
      ['sales-documents:enter-contract->send-contract-large', true],
      ['sales-documents:enter-contract->send-contract-standard', false],
    ]);
  });

  it('rejects an event that breaks the deal event schema in one line, exit 2', async () => {
    const file = writeScratchFile(scratchDirectory(), 'event.json', {
      eventId: 'e-1',
      type: 'deal.stage_changed',
      occurredAt: '2026-11-29T10:15:00Z',
      pipelineId: 'sales',
      deal: { id: 'D-1', stageId: 'contract', amount: 'lots' },
    });
    const run = await runInProcess('simulate', demoFlowFile, file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^inkflow: ${file}: /deal/amount: [^\\n]+\\n$`));
  });

  it('rejects a rule set whose index names a rule it does not have, exit 2', async () => {
    const ruleSet = compileFlow(demoFlow());
    ruleSet.index['sales/deal.stage_changed/contract']?.push('ghost-rule');
    const file = writeScratchFile(scratchDirectory(), 'rules.json', ruleSet);
    const run = await runInProcess('simulate', file, contractEventFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^inkflow: ${file}: /: inconsistent rule set: [^\\n]*ghost-rule[^\\n]*\\n$`));
  });

  it('refuses a document that is neither a flow nor a rule set', async () => {
    const run = await runInProcess('simulate', contractEventFile, contractEventFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `inkflow: ${contractEventFile}: /: neither a flow (it has no "nodes") nor a rule set (it has no "rules")\n`,
    );
  });
});
