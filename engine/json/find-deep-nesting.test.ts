import { describe, expect, it } from 'vitest';
import { findDeepNesting, maxConditionDepth, maxDocumentDepth } from './find-deep-nesting.ts';

function nots(depth: number): unknown {
  let tree: unknown = { fact: 'amount', operator: 'exists' };
  for (let level = 0; level < depth; level++) tree = { not: tree };
  return tree;
}

describe('findDeepNesting', () => {
  it('accepts a tree of exactly the maximum group depth', () => {
    expect(findDeepNesting({ conditions: nots(maxConditionDepth) })).toBe(undefined);
  });

  it('points at the first group past the limit', () => {
    const found = findDeepNesting({ conditions: nots(maxConditionDepth + 1) });
    expect(found).toEqual({
      pointer: `/conditions${'/not'.repeat(maxConditionDepth)}`,
      kind: 'groups',
      limit: maxConditionDepth,
    });
  });

  it('counts all and any groups as levels too, not the arrays between them', () => {
    let tree: unknown = { fact: 'amount', operator: 'exists' };
    for (let level = 0; level < maxConditionDepth; level++) tree = level % 2 ? { all: [tree] } : { any: [tree] };
    expect(findDeepNesting(tree)).toBe(undefined);
    expect(findDeepNesting({ not: tree })?.kind).toBe('groups');
  });

  it('measures any document without recursing, however deep', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(findDeepNesting(deep)).toEqual({
      pointer: `${'/0'.repeat(maxDocumentDepth)}`,
      kind: 'document',
      limit: 100,
    });
  });
});
