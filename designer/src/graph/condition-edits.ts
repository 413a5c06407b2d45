// Edits of a condition tree (all / any / not groups over comparisons) addressed by a path of
// child indices; every edit returns a new tree and leaves the old one untouched (undo keeps it).
import type { Comparison, Condition, ConditionGroup } from '../../../schemas/types.generated.ts';

export type ConditionPath = readonly number[];
export type GroupKind = 'all' | 'any' | 'not';

export function groupKindOf(condition: Condition): GroupKind | undefined {
  if ('all' in condition) return 'all';
  if ('any' in condition) return 'any';
  if ('not' in condition) return 'not';
  return undefined;
}

export function childrenOf(condition: Condition): Condition[] {
  if ('all' in condition) return condition.all;
  if ('any' in condition) return condition.any;
  if ('not' in condition) return [condition.not];
  return [];
}

function withChildren(group: Condition, children: Condition[]): Condition {
  if ('all' in group) return { all: children };
  if ('any' in group) return { any: children };
  if ('not' in group) return { not: children[0] as Condition };
  return group;
}

export function conditionAt(root: Condition, path: ConditionPath): Condition | undefined {
  let current: Condition | undefined = root;
  for (const index of path) current = current ? childrenOf(current)[index] : undefined;
  return current;
}

/** Replaces the condition at `path` (the root for []). */
export function replaceAt<T extends Condition>(root: T, path: ConditionPath, next: Condition): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [number, ...number[]];
  const children = childrenOf(root);
  const child = children[head];
  if (!child) return root;
  const updated = children.map((candidate, index) => (index === head ? replaceAt(candidate, rest, next) : candidate));
  return withChildren(root, updated) as T;
}

/** Whether the condition at `path` may be removed: groups keep at least one member. */
export function canRemove(root: Condition, path: ConditionPath): boolean {
  if (path.length === 0) return false;
  const parent = conditionAt(root, path.slice(0, -1));
  return parent !== undefined && groupKindOf(parent) !== 'not' && childrenOf(parent).length > 1;
}

export function removeAt<T extends Condition>(root: T, path: ConditionPath): T {
  if (!canRemove(root, path)) return root;
  const parentPath = path.slice(0, -1);
  const parent = conditionAt(root, parentPath) as Condition;
  const index = path[path.length - 1] as number;
  return replaceAt(
    root,
    parentPath,
    withChildren(
      parent,
      childrenOf(parent).filter((_, position) => position !== index),
    ),
  );
}

/** Appends a member to the all/any group at `groupPath`. */
export function appendTo<T extends Condition>(root: T, groupPath: ConditionPath, member: Condition): T {
  const group = conditionAt(root, groupPath);
  if (!group || (groupKindOf(group) !== 'all' && groupKindOf(group) !== 'any')) return root;
  return replaceAt(root, groupPath, withChildren(group, [...childrenOf(group), member]));
}

/** all <-> any for the group at `path` (members kept). */
export function setJoiner<T extends Condition>(root: T, path: ConditionPath, joiner: 'all' | 'any'): T {
  const group = conditionAt(root, path);
  if (!group || groupKindOf(group) === 'not' || groupKindOf(group) === undefined) return root;
  const members = childrenOf(group);
  return replaceAt(root, path, joiner === 'all' ? { all: members } : { any: members });
}

/** Wraps the condition at `path` in NOT, or unwraps it when it already is a NOT group. */
export function toggleNot<T extends Condition>(root: T, path: ConditionPath): T {
  const target = conditionAt(root, path);
  if (!target) return root;
  if ('not' in target) {
    const inner = target.not;
    // The root must stay a group (the schema's ConditionGroup), so a bare comparison is wrapped in all.
    return replaceAt(root, path, path.length === 0 && groupKindOf(inner) === undefined ? { all: [inner] } : inner);
  }
  return replaceAt(root, path, { not: target });
}

export function newGroup(kind: 'all' | 'any', first: Comparison): ConditionGroup {
  return kind === 'all' ? { all: [first] } : { any: [first] };
}
