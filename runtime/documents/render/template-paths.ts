// Every path a template can reach, read from schemas/template-data.schema.json (the template
// authors' contract), with what it holds: a value, an object (its own paths listed too), a list
// (its items' paths as "deal.contacts[].name") or a map of free keys (deal.fields.<custom field>).
import { readFileSync } from 'node:fs';

export type PathKind = 'value' | 'object' | 'list' | 'map';

interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
}

const schema = JSON.parse(
  readFileSync(new URL('../../../schemas/template-data.schema.json', import.meta.url), 'utf8'),
) as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolve(node: SchemaNode): SchemaNode {
  const local = node.$ref?.startsWith('#/definitions/') ? node.$ref.slice('#/definitions/'.length) : undefined;
  return local ? resolve(schema.definitions[local] as SchemaNode) : node;
}

function walk(node: SchemaNode, path: string, paths: Map<string, PathKind>): void {
  const resolved = resolve(node);
  if (resolved.type === 'array') {
    paths.set(path, 'list');
    if (resolved.items) walkProperties(resolve(resolved.items), `${path}[]`, paths);
  } else if (resolved.type === 'object' && resolved.properties) {
    paths.set(path, 'object');
    walkProperties(resolved, path, paths);
  } else if (resolved.type === 'object' && typeof resolved.additionalProperties === 'object') {
    paths.set(path, 'map');
  } else {
    paths.set(path, 'value');
  }
}

function walkProperties(node: SchemaNode, prefix: string, paths: Map<string, PathKind>): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    walk(child, prefix === '' ? key : `${prefix}.${key}`, paths);
  }
}

function allPaths(): Map<string, PathKind> {
  const paths = new Map<string, PathKind>();
  walkProperties(schema, '', paths);
  return paths;
}

export const templatePaths: ReadonlyMap<string, PathKind> = allPaths();

/** The kind of a path, a map's free keys included ("deal.fields.vip" is a value). */
export function pathKind(path: string): PathKind | undefined {
  const known = templatePaths.get(path);
  if (known) return known;
  const parent = path.slice(0, path.lastIndexOf('.'));
  return parent !== '' && templatePaths.get(parent) === 'map' ? 'value' : undefined;
}
