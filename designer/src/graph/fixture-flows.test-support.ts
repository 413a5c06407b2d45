// The shared golden flows (test/fixtures/flows/), read from the folder so new fixtures are covered.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Flow } from '../../../schemas/types.generated.ts';

const folder = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/flows');

export function fixtureFlows(): { file: string; flow: Flow }[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json') && file !== 'expectations.json')
    .sort()
    .map((file) => ({ file, flow: JSON.parse(readFileSync(join(folder, file), 'utf8')) as Flow }));
}

export function demoFlow(): Flow {
  return JSON.parse(readFileSync(join(folder, 'valid-sales-demo.json'), 'utf8')) as Flow;
}
