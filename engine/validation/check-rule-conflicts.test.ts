import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../../schemas/index.ts';
import { checkRuleConflicts } from './check-rule-conflicts.ts';
import { prepareFlow } from './flow-under-check.ts';
import { condition, diamondChain, documentTrigger, edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

const amountAbove = (value: number): ConditionGroup => ({ all: [{ fact: 'amount', operator: 'greaterThan', value }] });
const amountBelow = (value: number): ConditionGroup => ({ all: [{ fact: 'amount', operator: 'lessThan', value }] });
const check = (...args: Parameters<typeof testFlow>) => checkRuleConflicts(prepareFlow(testFlow(...args)));

describe('checkRuleConflicts', () => {
  it('accepts the two branches of one condition (the demo contract)', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      condition('c', amountAbove(50000)),
      sendDocument('a'),
      sendDocument('b'),
    ];
    expect(check(nodes, [edge('start', 'c'), edge('c', 'a', 'true'), edge('c', 'b', 'false')])).toEqual([]);
  });

  it('reports equal-priority senders of one document type on both nodes', () => {
    const nodes = [stageTrigger('start', 'contract'), sendDocument('a'), sendDocument('b')];
    const diagnostics = check(nodes, [edge('start', 'a'), edge('start', 'b')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'RULE_CONFLICT', severity: 'error', nodeId: 'a', relatedNodeIds: ['b'] }),
      expect.objectContaining({ code: 'RULE_CONFLICT', severity: 'error', nodeId: 'b', relatedNodeIds: ['a'] }),
    ]);
    expect(diagnostics[0]?.message).toContain(
      '"a" and "b" both send the contract when a deal enters stage "contract" with the same priority 1',
    );
  });

  it('warns on the lower priority, saying which one wins', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      sendDocument('a', { priority: 1 }),
      sendDocument('b', { priority: 5 }),
    ];
    const diagnostics = check(nodes, [edge('start', 'a'), edge('start', 'b')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'RULE_OVERLAP', severity: 'warning', nodeId: 'a', relatedNodeIds: ['b'] }),
    ]);
    expect(diagnostics[0]?.message).toMatch(/^"b" \(priority 5\) wins over "a" \(priority 1\) when both match/);
  });

  it('treats two triggers for one stage as one bucket', () => {
    const nodes = [
      stageTrigger('s1', 'contract'),
      stageTrigger('s2', 'contract'),
      sendDocument('a'),
      sendDocument('b'),
    ];
    expect(check(nodes, [edge('s1', 'a'), edge('s2', 'b')]).map((diagnostic) => diagnostic.code)).toEqual([
      'RULE_CONFLICT',
      'RULE_CONFLICT',
    ]);
  });

  it('ignores senders of different document types, stages or event types', () => {
    const nodes = [
      stageTrigger('contract', 'contract'),
      stageTrigger('invoice', 'invoice'),
      documentTrigger('signed', 'contract'),
      sendDocument('a'),
      sendDocument('b', { documentType: 'nda' }),
      sendDocument('c'),
      sendDocument('d'),
    ];
    const edges = [edge('contract', 'a'), edge('contract', 'b'), edge('invoice', 'c'), edge('signed', 'd')];
    expect(check(nodes, edges)).toEqual([]);
  });

  it('accepts conditions that cannot both hold, in different condition nodes', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      condition('large', amountAbove(100)),
      condition('small', amountBelow(50)),
      sendDocument('a'),
      sendDocument('b'),
    ];
    const edges = [
      edge('start', 'large'),
      edge('start', 'small'),
      edge('large', 'a', 'true'),
      edge('small', 'b', 'true'),
    ];
    expect(check(nodes, edges)).toEqual([]);
  });

  it('reports overlapping conditions in different condition nodes', () => {
    const nodes = [
      stageTrigger('start', 'contract'),
      condition('large', amountAbove(100)),
      condition('small', amountBelow(500)),
      sendDocument('a'),
      sendDocument('b'),
    ];
    const edges = [
      edge('start', 'large'),
      edge('start', 'small'),
      edge('large', 'a', 'true'),
      edge('small', 'b', 'true'),
    ];
    expect(check(nodes, edges).map((diagnostic) => diagnostic.code)).toEqual(['RULE_CONFLICT', 'RULE_CONFLICT']);
  });

  it('needs every pair of paths to be exclusive', () => {
    // "b" is reached on the false branch of c, and also straight from the trigger.
    const nodes = [
      stageTrigger('start', 'contract'),
      condition('c', amountAbove(100)),
      sendDocument('a'),
      sendDocument('b'),
    ];
    const exclusive = [edge('start', 'c'), edge('c', 'a', 'true'), edge('c', 'b', 'false')];
    expect(check(nodes, exclusive)).toEqual([]);
    expect(check(nodes, [...exclusive, edge('start', 'b')]).map((diagnostic) => diagnostic.code)).toEqual([
      'RULE_CONFLICT',
      'RULE_CONFLICT',
    ]);
  });

  it('gathers every tied partner of a node into one diagnostic', () => {
    const nodes = [stageTrigger('start', 'contract'), sendDocument('a'), sendDocument('b'), sendDocument('c')];
    const diagnostics = check(nodes, [edge('start', 'a'), edge('start', 'b'), edge('start', 'c')]);
    expect(diagnostics.map((diagnostic) => [diagnostic.nodeId, diagnostic.relatedNodeIds])).toEqual([
      ['a', ['b', 'c']],
      ['b', ['a', 'c']],
      ['c', ['a', 'b']],
    ]);
    expect(diagnostics[0]?.message).toMatch(/^"a", "b" and "c" all send the contract/);
  });

  it('takes senders reached by too many paths to compare as overlapping, and says so', () => {
    const build = (depth: number) => {
      const chain = diamondChain(depth);
      const nodes = [
        ...chain.nodes,
        condition('x', amountAbove(1000)),
        condition('y', amountBelow(10)),
        sendDocument('a'),
        sendDocument('b'),
      ];
      const edges = [
        ...chain.edges,
        ...(['true', 'false'] as const).flatMap((branch) => [
          edge(chain.last, 'x', branch),
          edge(chain.last, 'y', branch),
        ]),
        edge('x', 'a', 'true'),
        edge('y', 'b', 'true'),
      ];
      return check(nodes, edges);
    };
    // 128 paths each: compared pair by pair, and exclusive on amount.
    expect(build(7)).toEqual([]);
    // 256 paths each: the path lists are capped.
    const capped = build(8);
    expect(capped.map((diagnostic) => diagnostic.code)).toEqual(['RULE_CONFLICT', 'RULE_CONFLICT']);
    expect(capped[0]?.message).toContain('too many to compare, so they are taken to overlap');
  });
});
