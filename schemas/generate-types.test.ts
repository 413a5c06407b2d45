import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateTypes } from './generate-types.ts';

describe('types.generated.ts', () => {
  it('is what the schemas generate (run npm run schemas:generate after editing a schema)', async () => {
    const committed = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'types.generated.ts'), 'utf8');
    expect(await generateTypes()).toBe(committed);
  });
});
