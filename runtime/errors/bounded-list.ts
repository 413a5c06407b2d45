// Every list an error answer or a validation answer carries is cut to its first entries plus a count:
// 100,000 invalid contacts once made a 16 MB answer. 50 is what a person can read and fix in one go.
export const maxListedProblems = 50;

export interface Truncation {
  shown: number;
  total: number;
}

/** The first `limit` items, and a truncation note when some were left off. */
export function boundList<T>(
  items: readonly T[],
  limit = maxListedProblems,
): { items: T[]; truncated: Truncation | undefined } {
  if (items.length <= limit) return { items: [...items], truncated: undefined };
  return { items: items.slice(0, limit), truncated: { shown: limit, total: items.length } };
}
