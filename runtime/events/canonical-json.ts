// The one text form of a parsed event that redeliveries are compared on: keys sorted, -0 written as
// 0 (JSON.stringify already does, so the stored copy of `amount: -0` reads back as 0 and a
// comparison of parsed values called the same bytes a different event). Stored as the payload, so
// what is compared is what survives storage. Events are schema-checked first: depth is small.
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number') return JSON.stringify(Object.is(value, -0) ? 0 : value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const members = keys
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}
