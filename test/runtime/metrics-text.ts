// A small reader of Prometheus' text format (as prom-client writes it) for the metrics tests:
// sample lines `name{label="value",…} number`, comments skipped.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Samples {
  all: Sample[];
  /** The sample with exactly these labels, or undefined when there is none. */
  value(name: string, labels: Record<string, string>): number | undefined;
  /** The sum of every sample of this name (0 when there is none). */
  sum(name: string): number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function unescapeLabel(value: string): string {
  return value.replace(/\\(["\\n])/g, (_match, char: string) => (char === 'n' ? '\n' : char));
}

function parseValue(raw: string): number {
  if (raw === '+Inf') return Number.POSITIVE_INFINITY;
  if (raw === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(raw);
}

export function parseMetrics(text: string): Samples {
  const all: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(labelPair))
      labels[key as string] = unescapeLabel(value as string);
    all.push({ name: match[1] as string, labels, value: parseValue(match[3] as string) });
  }
  const same = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);
  return {
    all,
    value: (name, labels) => all.find((sample) => sample.name === name && same(sample.labels, labels))?.value,
    sum: (name) => all.filter((sample) => sample.name === name).reduce((total, sample) => total + sample.value, 0),
  };
}
