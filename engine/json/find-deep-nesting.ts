// Condition trees are recursive, and so is every reader of them (ajv's validators included): a
// tree 2,000 levels deep exhausts the call stack. Documents are measured here, iteratively, before
// anything recursive reads them, and refused past these depths.
import { type Place, pointerOf } from './json-pointer.ts';

/** Groups (all / any / not) nested in one condition of a flow, the root group counting 1. */
export const maxConditionDepth = 32;

/**
 * A compiled rule wraps a flow's conditions in up to six groups of its own (all → any of the paths
 * → any holding 200 of them → all of a path → all holding 200 of its steps → not for a false
 * branch): the groups of at most maxItems members the schema allows (compile-flow.ts).
 */
export const maxRuleConditionDepth = maxConditionDepth + 6;

/** Arrays and objects nested in any document: a flow at the deepest allowed nesting needs about 75. */
export const maxDocumentDepth = 100;

export interface DeepNesting {
  /** Where the limit is first passed. */
  pointer: string;
  kind: 'groups' | 'document';
  limit: number;
}

const groupKeys = ['all', 'any', 'not'];

interface Limits {
  groups: number;
  document: number;
}

const isGroup = (value: object): boolean => groupKeys.some((key) => Object.hasOwn(value, key));

/** Whether the document nests past the limits at all: parallel stacks, no places kept. */
function nestsTooDeep(value: unknown, limits: Limits): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  const groupDepths: number[] = [0];
  while (values.length > 0) {
    const item = values.pop();
    const depth = (depths.pop() as number) + 1;
    let groups = groupDepths.pop() as number;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limits.document) return true;
    if (!Array.isArray(item) && isGroup(item)) groups++;
    if (groups > limits.groups) return true;
    const children = Array.isArray(item) ? item : Object.values(item);
    for (let at = 0; at < children.length; at++) {
      values.push(children[at]);
      depths.push(depth);
      groupDepths.push(groups);
    }
  }
  return false;
}

/** The first place where the document nests past the given depths, or undefined. */
export function findDeepNesting(
  value: unknown,
  limits: Limits = { groups: maxConditionDepth, document: maxDocumentDepth },
): DeepNesting | undefined {
  if (!nestsTooDeep(value, limits)) return undefined;
  const pending: Array<{ value: unknown; place: Place | undefined; depth: number; groups: number }> = [
    { value, place: undefined, depth: 0, groups: 0 },
  ];
  while (pending.length > 0) {
    const item = pending.pop() as (typeof pending)[number];
    if (item.value === null || typeof item.value !== 'object') continue;
    const depth = item.depth + 1;
    if (depth > limits.document) return { pointer: pointerOf(item.place), kind: 'document', limit: limits.document };
    if (Array.isArray(item.value)) {
      for (let at = item.value.length - 1; at >= 0; at--)
        pending.push({ value: item.value[at], place: { parent: item.place, key: at }, depth, groups: item.groups });
      continue;
    }
    const groups = item.groups + (isGroup(item.value) ? 1 : 0);
    if (groups > limits.groups) return { pointer: pointerOf(item.place), kind: 'groups', limit: limits.groups };
    const entries = Object.entries(item.value);
    for (let at = entries.length - 1; at >= 0; at--) {
      const [key, child] = entries[at] as [string, unknown];
      pending.push({ value: child, place: { parent: item.place, key }, depth, groups });
    }
  }
  return undefined;
}

/** The sentence for a document that nests too deep. */
export function deepNestingMessage(found: DeepNesting): string {
  return found.kind === 'groups'
    ? `conditions nest more than ${found.limit} groups (all / any / not) deep here; flatten them (e.g. merge nested "all" groups into one)`
    : `the document nests more than ${found.limit} levels of arrays and objects deep here`;
}
