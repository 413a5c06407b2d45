// `npm run check`: designer/ imports the engine's node kinds, facts, operators and diagnostic codes
// and never writes a list of them again (find-redefinitions.ts says what counts as a list).
// Tests (*.test.ts) may spell names out: they check the designer against the engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFacts, triggerFacts } from '../../engine/facts/fact-catalogue.ts';
import { nodeKinds } from '../../engine/flow/node-kinds.ts';
import { operators } from '../../engine/operators/operators.ts';
import { loadSchema, schemaFiles } from '../../schemas/index.ts';
import { findRedefinitions, type Redefinition, type Vocabulary } from './find-redefinitions.ts';

const repositoryRoot = new URL('../../', import.meta.url).pathname;

function propertyNames(value: unknown, names: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) propertyNames(item, names);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'properties' && item !== null && typeof item === 'object') {
        for (const name of Object.keys(item)) names.add(name);
      }
      propertyNames(item, names);
    }
  }
  return names;
}

export function engineVocabulary(): Vocabulary {
  const diagnostic = loadSchema('diagnostic.schema.json') as { properties: { code: { enum: string[] } } };
  const facts = listFacts({ id: 'any', name: 'any', stages: [] }).map((fact) => fact.name);
  const fieldNames = new Set<string>();
  for (const file of schemaFiles) propertyNames(loadSchema(file), fieldNames);
  return {
    sets: {
      'node kind': new Set(Object.keys(nodeKinds)),
      fact: new Set([...facts, ...triggerFacts]),
      operator: new Set(Object.keys(operators)),
      'diagnostic code': new Set(diagnostic.properties.code.enum),
    },
    fieldNames,
  };
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test(-support)?\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

export function checkDesigner(directory = join(repositoryRoot, 'designer', 'src')): Redefinition[] {
  const vocabulary = engineVocabulary();
  return sourceFiles(directory).flatMap((file) =>
    findRedefinitions(relative(repositoryRoot, file), readFileSync(file, 'utf8'), vocabulary),
  );
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const found = checkDesigner();
  for (const { file, line, set, names, where } of found) {
    process.stderr.write(
      `${file}:${line}: ${where} list the engine's ${set}s ${names.map((name) => `"${name}"`).join(', ')}; import them from engine/ instead\n`,
    );
  }
  if (found.length > 0) process.exit(1);
  process.stdout.write('designer: no node kind, fact, operator or diagnostic code redefined\n');
}
