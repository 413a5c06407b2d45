// One text form of a parsed JSON value: keys sorted, undefined members left out, -0 written as 0
// (JSON.stringify already does, so the stored copy of `amount: -0` reads back as 0 and a comparison
// of parsed values called the same bytes a different event). Intake compares redeliveries on it and
// stores it as the payload; the rule diff (runtime) and the version diff (designer) compare on it so
// that key order is never a change. Callers pass schema-checked values: depth is bounded.
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
