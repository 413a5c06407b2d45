import { readFileSync } from 'node:fs';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { type Condition, type ConditionGroup, checkRuleSet, type DealEvent, type Flow } from '../../schemas/index.ts';
import { toFacts } from '../facts/to-facts.ts';
import { compileFlow, compileFlows, serializeRuleSet, UncompilableFlowError } from './compile-flow.ts';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const demoFlow = readJson<Flow>('../../schemas/examples/flow.sales.json');
const contractEvent = readJson<DealEvent>('../../schemas/examples/deal-event.contract.json');
const smallContractEvent = readJson<DealEvent>('../../schemas/examples/deal-event.small-contract.json');

const allOf = (group: ConditionGroup | undefined): Condition[] => (group && 'all' in group ? group.all : []);

async function firedBy(flow: Flow, event: DealEvent): Promise<string[]> {
  const ruleSet = compileFlow(flow);
  // Our generated condition type is structurally json-rules-engine's; its typings are narrower.
  const engine = new Engine(ruleSet.rules as unknown as RuleProperties[]);
  const { results } = await engine.run(toFacts(event, ruleSet.facts));
  return results.map((result) => result.name as string).sort();
}

function withCondition(conditions: unknown, extraNodes: unknown[] = [], extraEdges: unknown[] = []): Flow {
  return {
    ...demoFlow,
    nodes: demoFlow.nodes.map((node) =>
      node.id === 'is-large-deal' ? { ...node, data: { ...node.data, conditions } } : node,
    ),
    edges: [...demoFlow.edges, ...extraEdges],
    ...(extraNodes.length > 0 ? { nodes: [...demoFlow.nodes, ...extraNodes] } : {}),
  } as Flow;
}

describe('compileFlow', () => {
  it('gives a rule set that matches its schema, one rule per trigger→action pair', () => {
    const ruleSet = compileFlow(demoFlow);
    expect(checkRuleSet(ruleSet).ok).toBe(true);
    expect(ruleSet.rules.map((rule) => rule.name)).toEqual([
      // sorted by bucket (pipeline/eventType/selector), then priority, then name
      'sales-documents:enter-contract->send-contract-large',
      'sales-documents:enter-contract->send-contract-standard',
      'sales-documents:enter-invoice->send-invoice',
      'sales-documents:contract-signed->move-to-invoice',
      'sales-documents:contract-declined->notify-crm-declined',
    ]);
    expect(ruleSet.index['sales/deal.stage_changed/contract']).toEqual([
      'sales-documents:enter-contract->send-contract-large',
      'sales-documents:enter-contract->send-contract-standard',
    ]);
    expect(ruleSet.facts).toEqual(['amount', 'documentType', 'eventType', 'pipelineId', 'stageId']);
  });

  it('is deterministic: the same flow gives byte-identical output', () => {
    const first = serializeRuleSet(compileFlow(demoFlow));
    const second = serializeRuleSet(compileFlow(structuredClone(demoFlow)));
    expect(second).toBe(first);
    expect(serializeRuleSet(compileFlows([demoFlow, { ...demoFlow, id: 'other' }]))).toBe(
      serializeRuleSet(compileFlows([{ ...demoFlow, id: 'other' }, demoFlow])),
    );
  });

  it('compiles the false branch of a condition to not(...)', () => {
    const standard = compileFlow(demoFlow).rules.find((rule) => rule.name.endsWith('send-contract-standard'));
    expect(standard?.conditions).toEqual({
      all: [
        { fact: 'pipelineId', operator: 'equal', value: 'sales' },
        { fact: 'eventType', operator: 'equal', value: 'deal.stage_changed' },
        { fact: 'stageId', operator: 'equal', value: 'contract' },
        { not: { all: [{ fact: 'amount', operator: 'greaterThan', value: 50000 }] } },
      ],
    });
  });

  it('gives json-rules-engine rules that fire the actions the flow draws', async () => {
    expect(await firedBy(demoFlow, contractEvent)).toEqual(['sales-documents:enter-contract->send-contract-large']);
    expect(await firedBy(demoFlow, smallContractEvent)).toEqual([
      'sales-documents:enter-contract->send-contract-standard',
    ]);
  });

  it('turns exists into notEqual null over the toFacts projection', async () => {
    const flow = withCondition({ all: [{ fact: 'fields.region', operator: 'exists' }] });
    const rule = compileFlow(flow).rules.find((candidate) => candidate.name.endsWith('send-contract-large'));
    expect(allOf(rule?.conditions)[3]).toEqual({ all: [{ fact: 'fields.region', operator: 'notEqual', value: null }] });
    expect(await firedBy(flow, contractEvent)).toContain('sales-documents:enter-contract->send-contract-large');
    expect(await firedBy(flow, smallContractEvent)).not.toContain(
      'sales-documents:enter-contract->send-contract-large',
    );
  });

  it('joins several paths to one action with any', () => {
    const second = {
      id: 'is-eu',
      type: 'condition',
      position: { x: 0, y: 0 },
      data: { conditions: { all: [{ fact: 'fields.region', operator: 'equal', value: 'EU' }] } },
    };
    const flow = withCondition(
      { all: [{ fact: 'amount', operator: 'greaterThan', value: 50000 }] },
      [second],
      [
        { id: 'e-to-eu', source: 'enter-contract', target: 'is-eu' },
        { id: 'e-eu-large', source: 'is-eu', target: 'send-contract-large', sourceHandle: 'true' },
      ],
    );
    const rule = compileFlow(flow).rules.find((candidate) => candidate.name.endsWith('send-contract-large'));
    expect(rule?.event.params.conditionNodeIds).toEqual(['is-eu', 'is-large-deal']);
    expect(allOf(rule?.conditions)[3]).toHaveProperty('any');
  });

  it('refuses a flow it cannot compile faithfully instead of changing its meaning', () => {
    const tooManyPaths = readJson<Flow>('../../test/fixtures/flows/error-too-many-paths.json');
    expect(() => compileFlow(tooManyPaths)).toThrow(UncompilableFlowError);
    const unbranched = {
      ...demoFlow,
      edges: demoFlow.edges.map((edge) => (edge.id === 'e-large-true' ? { ...edge, sourceHandle: null } : edge)),
    };
    expect(() => compileFlow(unbranched)).toThrow(/without sourceHandle/);
  });
});
