import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../../schemas/index.ts';
import { chainFlow, ladderFlow } from '../../test/support/large-flows.ts';
import { condition, diamondChain, edge, sendDocument, stageTrigger, testFlow } from '../validation/test-flow.ts';
import { validateFlow } from '../validation/validate-flow.ts';
import { buildGraph, findCycles } from './flow-graph.ts';
import { collectRules, maxPathsPerRule } from './rule-paths.ts';

const amountAbove = (value: number): ConditionGroup => ({ all: [{ fact: 'amount', operator: 'greaterThan', value }] });
const describePaths = (paths: { conditionNodeId: string; branch: string }[][]) =>
  paths.map((path) => path.map((step) => `${step.conditionNodeId}:${step.branch}`).join(' '));

describe('collectRules', () => {
  it('lists paths depth-first, following edges in document order', () => {
    const flow = testFlow(
      [
        stageTrigger('start', 'contract'),
        condition('a', amountAbove(1)),
        condition('b', amountAbove(2)),
        sendDocument('s'),
      ],
      [
        edge('start', 'a'),
        edge('a', 'b', 'true'),
        edge('a', 's', 'false'),
        edge('b', 's', 'true'),
        edge('b', 's', 'false'),
      ],
    );
    const { rules } = collectRules(buildGraph(flow));
    expect(rules).toHaveLength(1);
    expect(describePaths(rules[0]?.paths ?? [])).toEqual(['a:true b:true', 'a:true b:false', 'a:false']);
  });

  it('counts paths instead of listing them past the limit: a 60-rung ladder is refused at once', () => {
    const { rules } = collectRules(buildGraph(ladderFlow(62)));
    expect(rules[0]).toMatchObject({ truncated: true, paths: [] });
    // Exactly the limit is still listed.
    const chain = diamondChain(9);
    const flow = testFlow([...chain.nodes, sendDocument('s')], [...chain.edges, edge(chain.last, 's', 'true')]);
    const [rule] = collectRules(buildGraph(flow)).rules;
    expect(rule?.truncated).toBe(false);
    expect(rule?.paths).toHaveLength(maxPathsPerRule);
  });

  it('does not enter a part of the graph that only leads to a truncated action', () => {
    const ladder = ladderFlow(40);
    ladder.nodes.push(sendDocument('side', { documentType: 'nda' }));
    ladder.edges.push(edge('c0', 'side', 'false'));
    const rules = collectRules(buildGraph(ladder)).rules;
    expect(rules.map((rule) => [rule.action.id, rule.truncated, rule.paths.length])).toEqual([
      ['send', true, 0],
      ['side', false, 1],
    ]);
  });

  it('merges the triggers of one bucket into one rule per action, and keeps buckets apart', () => {
    const flow = testFlow(
      [
        stageTrigger('t1', 'contract'),
        stageTrigger('t2', 'contract'),
        stageTrigger('t3', 'invoice'),
        sendDocument('s'),
      ],
      [edge('t1', 's'), edge('t2', 's'), edge('t3', 's')],
    );
    const { rules } = collectRules(buildGraph(flow));
    expect(rules.map((rule) => [rule.trigger.id, rule.triggers.map((trigger) => trigger.id)])).toEqual([
      ['t1', ['t1', 't2']],
      ['t3', ['t3']],
    ]);
  });

  it('cuts cycles, also on a 5,000-node loop, without recursion', () => {
    const flow = chainFlow();
    flow.edges.push(edge('c4997', 'c0', 'false'));
    expect(findCycles(buildGraph(flow))).toHaveLength(1);
    expect(collectRules(buildGraph(flow)).rules[0]?.paths).toHaveLength(1);
    expect(validateFlow(flow).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['FLOW_CYCLE']);
  });

  it('sizes the compiled rules: every step copies its condition tree', () => {
    const { compiledSize } = collectRules(buildGraph(chainFlow(12)));
    // One rule: 4 of its own, then 10 steps of `all` + one comparison + the step itself.
    expect(compiledSize).toBe(4 + 10 * 3);
  });
});
