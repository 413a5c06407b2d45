// Browser stand-in for node:fs, only for schemas/validators.ts: readFileSync(<dir>/<name>.schema.json)
// answers with the schema bundled at build time.
const bundled = import.meta.glob('../../../schemas/*.schema.json', { eager: true, query: '?raw', import: 'default' });

const byName = new Map<string, string>(
  Object.entries(bundled).map(([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text as string]),
);

export function readFileSync(path: string): string {
  const name = String(path).slice(String(path).lastIndexOf('/') + 1);
  const text = byName.get(name);
  if (text === undefined) throw new Error(`${name} is not bundled into the designer`);
  return text;
}

export function writeFileSync(): never {
  throw new Error('writeFileSync is not available in the browser');
}
