// JSON.parse turns 1e400 into Infinity, which JSON Schema's "number" accepts and JSON.stringify
// writes back as null, so a value would change meaning on its way through (`amount > null` is true
// in json-rules-engine). One walk for every document that carries numbers: flows, rule sets, events.
import { type Place, pointerOf } from './json-pointer.ts';

/** Whether there is one at all: no places kept, so a valid document (nearly always) costs little. */
function hasNonFiniteNumber(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return true;
    } else if (Array.isArray(item)) {
      for (let at = 0; at < item.length; at++) pending.push(item[at]);
    } else if (item !== null && typeof item === 'object') {
      for (const key in item) if (Object.hasOwn(item, key)) pending.push((item as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/** The JSON pointer of the first number that is NaN or ±Infinity, or undefined when all are finite. */
export function findNonFiniteNumber(value: unknown): string | undefined {
  if (!hasNonFiniteNumber(value)) return undefined;
  // Iterative: a document may nest deeper than the call stack.
  const pending: Array<{ value: unknown; place: Place | undefined }> = [{ value, place: undefined }];
  while (pending.length > 0) {
    const item = pending.pop() as (typeof pending)[number];
    if (typeof item.value === 'number') {
      if (!Number.isFinite(item.value)) return pointerOf(item.place);
    } else if (Array.isArray(item.value)) {
      for (let at = item.value.length - 1; at >= 0; at--)
        pending.push({ value: item.value[at], place: { parent: item.place, key: at } });
    } else if (item.value !== null && typeof item.value === 'object') {
      const entries = Object.entries(item.value);
      for (let at = entries.length - 1; at >= 0; at--) {
        const [key, child] = entries[at] as [string, unknown];
        pending.push({ value: child, place: { parent: item.place, key } });
      }
    }
  }
  return undefined;
}

/** The sentence every boundary says about such a number. */
export const nonFiniteMessage =
  'must be a finite number (a number too large for a 64-bit float, such as 1e400, reads as Infinity)';
