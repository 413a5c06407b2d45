import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../../schemas/index.ts';
import { buildGraph } from '../flow/flow-graph.ts';
import { describePath, pathConditions } from './path-conditions.ts';
import { condition, stageTrigger, testFlow } from './test-flow.ts';

const large: ConditionGroup = { all: [{ fact: 'amount', operator: 'greaterThan', value: 50000 }] };
const eu: ConditionGroup = { all: [{ fact: 'fields.region', operator: 'equal', value: 'EU' }] };
const graph = buildGraph(
  testFlow([stageTrigger('start', 'contract'), condition('large', large), condition('eu', eu)], []),
);
const path = [
  { conditionNodeId: 'large', branch: 'false' as const },
  { conditionNodeId: 'eu', branch: 'true' as const },
];

describe('pathConditions', () => {
  it('takes a condition as is on its true branch and negated on its false branch', () => {
    expect(pathConditions(graph, path)).toEqual([{ not: large }, eu]);
    expect(pathConditions(graph, [])).toEqual([]);
  });
});

describe('describePath', () => {
  it('names each condition with the branch taken', () => {
    expect(describePath(path)).toBe('"large" (false) → "eu" (true)');
    expect(describePath([])).toBe('no conditions');
  });
});
