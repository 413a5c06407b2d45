// Writes types.generated.ts from the JSON Schemas, so that no shape is written twice.
// `npm run schemas:generate` rewrites it; `npm run check` fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { schemaFiles } from './schema-files.ts';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, 'types.generated.ts');

export async function generateTypes(): Promise<string> {
  const properties: Record<string, JSONSchema> = {};
  for (const file of schemaFiles) properties[file] = { $ref: file };
  const root: JSONSchema = {
    title: 'InkflowSchemas',
    type: 'object',
    additionalProperties: false,
    properties,
  };
  const source = await compile(root, 'InkflowSchemas', {
    cwd: here,
    bannerComment: '// Generated from schemas/*.schema.json by schemas/generate-types.ts. Do not edit by hand.',
    declareExternallyReferenced: true,
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: false,
    ignoreMinAndMaxItems: true,
  });
  return source;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = await generateTypes();
  const mode = process.argv[2];
  const current = (() => {
    try {
      return readFileSync(target, 'utf8');
    } catch {
      return '';
    }
  })();
  if (mode === '--check') {
    if (current !== source) {
      console.error('schemas/types.generated.ts is stale: run npm run schemas:generate');
      process.exit(1);
    }
  } else {
    writeFileSync(target, source);
  }
}
