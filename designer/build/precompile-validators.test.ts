import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkAgainst, checkFlow } from '../../schemas/validators.ts';
import { fixtureFlows } from '../src/graph/fixture-flows.test-support.ts';
import { precompileValidators, schemaRefs } from './precompile-validators.ts';

describe('validators precompiled for the browser', () => {
  const code = precompileValidators();

  it('needs no eval and no require at run time', () => {
    expect(code).not.toMatch(/new Function|\beval\(|require\(/);
  });

  it('agrees with the runtime validators on every fixture flow and every ref', async () => {
    // Written beside node_modules so the module's ajv/ajv-formats imports resolve.
    const folder = mkdtempSync(join(tmpdir(), 'inkflow-validators-'));
    const file = join(folder, 'validators.mjs');
    writeFileSync(
      file,
      code.replaceAll(
        /from "(ajv[^"]*)"/g,
        (_all, name: string) =>
          `from ${JSON.stringify(import.meta.resolve(name.endsWith('.js') ? name : `${name}.js`))}`,
      ),
    );
    const { byRef } = (await import(pathToFileURL(file).href)) as {
      byRef: Record<string, (value: unknown) => boolean>;
    };
    expect(Object.keys(byRef).sort()).toEqual(schemaRefs().sort());
    for (const { file: name, flow } of fixtureFlows()) {
      expect(byRef['flow.schema.json']?.(flow), name).toBe(checkFlow(flow).ok);
    }
    const employee = { id: 'e1', name: 'Ana', email: 'not-an-email', role: 'Director' };
    expect(byRef['api.schema.json#/definitions/employee']?.(employee)).toBe(
      checkAgainst('api.schema.json#/definitions/employee', employee).ok,
    );
    expect(byRef['api.schema.json#/definitions/employee']?.({ ...employee, email: 'ana@example.com' })).toBe(true);
  });
});
