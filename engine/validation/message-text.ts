// Wording shared by the checks' messages: short lists, "did you mean", comparisons in words.
import type { Comparison, FlowNode } from '../../schemas/index.ts';
import { nodeKinds } from '../flow/node-kinds.ts';
import { isOperatorName, operators } from '../operators/operators.ts';

/** `a, b, c, …` — at most `limit` items, so a message stays one readable sentence. */
export function listForMessage(items: readonly string[], limit = 8): string {
  const shown = items.slice(0, limit).join(', ');
  return items.length > limit ? `${shown}, …` : shown;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The closest known name to a misspelt one, if it is close enough to be a likely typo. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export const quotedNames = (names: readonly string[]): string => joinWords(names.map((name) => `"${name}"`));

/** ` Did you mean "x"?` or nothing. */
export function didYouMean(name: string, known: readonly string[]): string {
  const closest = closestName(name, known);
  return closest === undefined ? '' : ` Did you mean "${closest}"?`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'no value';
  return JSON.stringify(value);
}

/** `the string "50000"`, `the list ["EU"]`, `12`: a value as the person typed it. */
export function describeTypedValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `the list ${JSON.stringify(value)}`;
  return describeValue(value);
}

/** `"send-large" (Send document for signing)`. */
export function nodeName(node: FlowNode): string {
  return `"${node.id}" (${nodeKinds[node.type].title})`;
}

/** `amount > 50000`, `contacts.role contains "signer"`, `amount exists`. */
export function describeComparison(comparison: Comparison): string {
  const phrase = isOperatorName(comparison.operator) ? operators[comparison.operator].phrase : comparison.operator;
  if (comparison.value === undefined) return `${comparison.fact} ${phrase}`;
  return `${comparison.fact} ${phrase} ${describeValue(comparison.value)}`;
}
