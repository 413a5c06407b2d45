import { describe, expect, it } from 'vitest';
import type { ConditionGroup } from '../../../schemas/types.generated.ts';
import { appendTo, canRemove, conditionAt, removeAt, replaceAt, setJoiner, toggleNot } from './condition-edits.ts';

const amount = { fact: 'amount', operator: 'greaterThan', value: 50000 };
const region = { fact: 'fields.region', operator: 'in', value: ['EU'] };
const tree: ConditionGroup = { all: [amount, { any: [region, { not: amount }] }] };

describe('condition tree edits', () => {
  it('reads and replaces by path without touching the original', () => {
    expect(conditionAt(tree, [1, 1, 0])).toEqual(amount);
    const next = replaceAt(tree, [1, 0], { ...region, value: ['UK'] });
    expect(conditionAt(next, [1, 0])).toEqual({ ...region, value: ['UK'] });
    expect(conditionAt(tree, [1, 0])).toBe(region);
    expect(next.all[0]).toBe(amount);
  });

  it('appends to nested groups and switches all/any keeping members', () => {
    const added = appendTo(tree, [1], amount);
    expect(conditionAt(added, [1])).toEqual({ any: [region, { not: amount }, amount] });
    expect(setJoiner(tree, [], 'any')).toEqual({ any: tree.all });
  });

  it('keeps at least one member in a group and never removes the root', () => {
    expect(canRemove(tree, [])).toBe(false);
    expect(canRemove(tree, [1, 1, 0])).toBe(false);
    const single: ConditionGroup = { all: [amount] };
    expect(removeAt(single, [0])).toBe(single);
    expect(removeAt(tree, [0])).toEqual({ all: [tree.all[1]] });
  });

  it('wraps in NOT and unwraps again; the root stays a group', () => {
    const wrapped = toggleNot(tree, [0]);
    expect(conditionAt(wrapped, [0])).toEqual({ not: amount });
    expect(toggleNot(wrapped, [0])).toEqual(tree);
    expect(toggleNot({ not: amount }, [])).toEqual({ all: [amount] });
  });
});
