import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../../schemas/index.ts';
import { checkNeverTrue } from './check-never-true.ts';
import { prepareFlow } from './flow-under-check.ts';
import { condition, diamondChain, edge, sendDocument, stageTrigger, testFlow } from './test-flow.ts';

const amountAbove = (value: number): ConditionGroup => ({ all: [{ fact: 'amount', operator: 'greaterThan', value }] });
const check = (...args: Parameters<typeof testFlow>) => checkNeverTrue(prepareFlow(testFlow(...args)));

describe('checkNeverTrue: conditions', () => {
  it('reports a condition node whose own tests contradict each other, quoting them', () => {
    const impossible = condition('impossible', {
      all: [
        { fact: 'amount', operator: 'greaterThan', value: 100 },
        { fact: 'currency', operator: 'equal', value: 'EUR' },
        { fact: 'amount', operator: 'lessThan', value: 50 },
      ],
    });
    const nodes = [stageTrigger('start', 'contract'), impossible, sendDocument('send')];
    const diagnostics = check(nodes, [edge('start', 'impossible'), edge('impossible', 'send', 'false')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'CONDITION_NEVER_TRUE',
        severity: 'error',
        nodeId: 'impossible',
        pointer: '/nodes/1/data/conditions',
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('its tests on amount contradict each other (amount > 100, amount < 50)');
  });

  it('accepts conditions that can hold', () => {
    const nodes = [stageTrigger('start', 'contract'), condition('c', amountAbove(1)), sendDocument('send')];
    expect(check(nodes, [edge('start', 'c'), edge('c', 'send', 'true')])).toEqual([]);
  });
});

describe('checkNeverTrue: paths', () => {
  const nested = [
    stageTrigger('start', 'contract'),
    condition('large', amountAbove(50000)),
    condition('huge', amountAbove(60000)),
    sendDocument('send-huge'),
    sendDocument('send-standard'),
  ];

  it('warns about an action whose only path contradicts itself (amount > 60000 under not amount > 50000)', () => {
    const edges = [
      edge('start', 'large'),
      edge('large', 'huge', 'false'),
      edge('huge', 'send-huge', 'true'),
      edge('huge', 'send-standard', 'false'),
    ];
    const diagnostics = check(nested, edges);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'PATH_NEVER_TRUE',
        severity: 'warning',
        nodeId: 'send-huge',
        relatedNodeIds: ['start', 'large', 'huge'],
      }),
    ]);
    expect(diagnostics[0]?.message).toContain('can never run after trigger "start"');
    expect(diagnostics[0]?.message).toContain('"large" (false) → "huge" (true)');
  });

  it('accepts the same nesting on the true branch', () => {
    const edges = [edge('start', 'large'), edge('large', 'huge', 'true'), edge('huge', 'send-huge', 'true')];
    expect(check(nested, edges)).toEqual([]);
  });

  it('stays silent while one path to the action can be true', () => {
    const edges = [
      edge('start', 'large'),
      edge('large', 'huge', 'false'),
      edge('huge', 'send-huge', 'true'),
      edge('large', 'send-huge', 'true'),
    ];
    expect(check(nested, edges)).toEqual([]);
  });

  it('makes no claim about an action reached by more paths than are collected', () => {
    const deadEnd = (depth: number) => {
      const chain = diamondChain(depth);
      const nodes = [
        ...chain.nodes,
        condition('large', amountAbove(100)),
        condition('larger', amountAbove(200)),
        sendDocument('send'),
      ];
      const edges = [
        ...chain.edges,
        edge(chain.last, 'large', 'true'),
        edge(chain.last, 'large', 'false'),
        edge('large', 'larger', 'false'),
        edge('larger', 'send', 'true'),
      ];
      return check(nodes, edges).map((diagnostic) => diagnostic.code);
    };
    // 256 paths (the limit), all contradictory: reported. 512: not listed, the one live path may be missing.
    expect(deadEnd(8)).toEqual(['PATH_NEVER_TRUE']);
    expect(deadEnd(9)).toEqual([]);
  });
});
