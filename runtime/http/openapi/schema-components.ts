// schemas/*.schema.json as OpenAPI components: every schema and every definition becomes one entry,
// named by its title (the same name its generated TypeScript type has), with $refs between files
// rewritten to #/components/schemas/<name>. Built at run time, so the document cannot drift.
import { loadSchema, type SchemaFile, schemaFiles } from '../../../schemas/index.ts';

type JsonObject = Record<string, unknown>;

const pascal = (text: string): string =>
  text
    .replace(/\.schema\.json$/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "<file>" or "<file>#/definitions/<name>" → component name. */
export type ComponentNames = ReadonlyMap<string, string>;

function nameComponents(schemas: ReadonlyMap<SchemaFile, JsonObject>): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Map<string, string>();
  const claim = (address: string, title: unknown, fallback: string) => {
    const name = typeof title === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(title) ? title : fallback;
    const holder = taken.get(name);
    if (holder) throw new Error(`OpenAPI component name "${name}" is used by both ${holder} and ${address}`);
    taken.set(name, address);
    names.set(address, name);
  };
  for (const [file, schema] of schemas) {
    claim(file, schema.title, pascal(file));
    const definitions = isObject(schema.definitions) ? schema.definitions : {};
    for (const [key, definition] of Object.entries(definitions)) {
      claim(
        `${file}#/definitions/${key}`,
        isObject(definition) ? definition.title : undefined,
        `${pascal(file)}${pascal(key)}`,
      );
    }
  }
  return names;
}

/** A $ref in `file` → its place among the components; pointers into a schema keep their tail. */
function componentRef(ref: string, file: SchemaFile, names: ComponentNames): string {
  const [target = '', fragment = ''] = ref.split('#');
  const base = target === '' ? file : target;
  const definition = /^\/definitions\/([^/]+)(.*)$/.exec(fragment);
  const address = definition ? `${base}#/definitions/${definition[1]}` : base;
  const rest = definition ? (definition[2] ?? '') : fragment;
  const name = names.get(address);
  if (!name) throw new Error(`${file}: cannot turn $ref "${ref}" into an OpenAPI component`);
  return `#/components/schemas/${name}${rest}`;
}

function rewrite(value: unknown, file: SchemaFile, names: ComponentNames): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, file, names));
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    // tsType steers the TypeScript generator; it is no JSON Schema keyword, and OpenAPI linters refuse it.
    if (key === '$id' || key === '$schema' || key === 'definitions' || key === 'tsType') continue;
    result[key] =
      key === '$ref' && typeof item === 'string' ? componentRef(item, file, names) : rewrite(item, file, names);
  }
  return result;
}

export function schemaComponents(): Record<string, unknown> {
  const schemas = new Map(schemaFiles.map((file) => [file, loadSchema(file)] as const));
  const names = nameComponents(schemas);
  const components: Record<string, unknown> = {};
  for (const [file, schema] of schemas) {
    components[names.get(file) as string] = rewrite(schema, file, names);
    const definitions = isObject(schema.definitions) ? schema.definitions : {};
    for (const [key, definition] of Object.entries(definitions)) {
      components[names.get(`${file}#/definitions/${key}`) as string] = rewrite(definition, file, names);
    }
  }
  return components;
}
