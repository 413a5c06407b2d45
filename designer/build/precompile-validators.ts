// Build step: the project's ajv validators compiled ahead of time (ajv "standalone" code), so the
// browser validates with the same schemas without `new Function` (the runtime's CSP forbids eval).
// Every schema file and every definition in it is compiled, under its SchemaRef.
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import { schemaFiles } from '../../schemas/schema-files.ts';
import { loadSchema } from '../../schemas/validators.ts';

type Standalone = (ajv: Ajv, refs: Record<string, string>) => string;
type AddFormats = (ajv: Ajv) => Ajv;
// Both are CommonJS: under Node's ESM their default export arrives wrapped.
const unwrap = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;

/** Every SchemaRef the browser may ask for: each file and each of its definitions. */
export function schemaRefs(): string[] {
  const refs: string[] = [];
  for (const file of schemaFiles) {
    refs.push(file);
    const definitions = (loadSchema(file).definitions ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(definitions)) refs.push(`${file}#/definitions/${name}`);
  }
  return refs;
}

/**
 * An ES module exporting `byRef` (SchemaRef -> validate function). ajv's standalone output calls
 * require() for two runtime helpers; they become imports.
 */
export function precompileValidators(): string {
  const ajv = new Ajv({ allErrors: true, discriminator: true, strict: false, code: { source: true, esm: true } });
  unwrap<AddFormats>(addFormatsModule)(ajv);
  for (const file of schemaFiles) ajv.addSchema(loadSchema(file), file);
  const refs = schemaRefs();
  const exportsByName = Object.fromEntries(refs.map((ref, index) => [`inkflowRef${index}`, ref]));
  let code = unwrap<Standalone>(standaloneModule)(ajv, exportsByName);
  const modules: string[] = [];
  code = code.replace(/require\("([^"]+)"\)\.(\w+)/g, (_whole, module: string, member: string) => {
    let index = modules.indexOf(module);
    if (index === -1) index = modules.push(module) - 1;
    return `__pick(__module${index}, ${JSON.stringify(member)})`;
  });
  if (/require\(/.test(code)) throw new Error('precompiled validators still call require()');
  const imports = modules.map((module, index) => `import * as __module${index} from ${JSON.stringify(module)};`);
  const pick = `function __pick(namespace, member) {
  let value = namespace[member] ?? namespace.default?.[member];
  if (member === 'default' && typeof value !== 'function' && typeof value?.default === 'function') value = value.default;
  return value;
}`;
  const table = `export const byRef = {\n${refs.map((ref, index) => `  ${JSON.stringify(ref)}: inkflowRef${index},`).join('\n')}\n};`;
  return [...imports, pick, code, table].join('\n');
}
