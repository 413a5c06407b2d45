// The shared golden flows of test/fixtures/flows against their manifest, expectations.json, which
// the CLI, runtime API and designer tests read too: every fixture yields exactly its diagnostics.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDiagnostic, type Diagnostic, loadSchema } from '../../schemas/index.ts';
import { validateFlow } from './validate-flow.ts';

type Expected = Pick<Diagnostic, 'code' | 'severity' | 'nodeId' | 'edgeId' | 'pointer'>;

const fixtures = new URL('../../test/fixtures/flows/', import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
const manifest = readJson(new URL('expectations.json', fixtures)) as Record<string, Expected[]>;
const files = readdirSync(fixtures)
  .filter((file) => file.endsWith('.json') && file !== 'expectations.json')
  .sort();
const validate = (file: string) => validateFlow(readJson(new URL(file, fixtures)));

/** A diagnostic reduced to the keys the manifest states. */
const asExpected = (diagnostic: Diagnostic, expected: Expected | undefined): Partial<Diagnostic> =>
  Object.fromEntries(
    Object.keys(expected ?? { code: 0, severity: 0 }).map((key) => [key, diagnostic[key as keyof Diagnostic]]),
  );

describe('test/fixtures/flows', () => {
  it('has a manifest entry for every fixture, and a fixture for every entry', () => {
    expect(Object.keys(manifest).sort()).toEqual(files);
  });

  it.each(files)('%s yields exactly the diagnostics of its manifest entry, in order', (file) => {
    const expected = manifest[file] ?? [];
    const { diagnostics } = validate(file);
    expect(diagnostics.map((diagnostic, index) => asExpected(diagnostic, expected[index]))).toEqual(expected);
    for (const diagnostic of diagnostics) {
      expect(checkDiagnostic(diagnostic).ok).toBe(true);
      expect(diagnostic.message).toMatch(/^[A-Z"].*[.?]$/);
    }
  });

  it.each(files)('%s lives up to its name (valid: no errors; warning: warnings only; error: an error)', (file) => {
    const severities = new Set((manifest[file] ?? []).map((diagnostic) => diagnostic.severity));
    if (file.startsWith('valid-')) expect(severities.has('error')).toBe(false);
    else if (file.startsWith('warning-')) expect([...severities]).toEqual(['warning']);
    else if (file.startsWith('error-')) expect(severities.has('error')).toBe(true);
    else throw new Error(`${file}: fixture names start with valid-, warning- or error-`);
  });

  it('covers every diagnostic code except those that need a validation context', () => {
    const codeSchema = (loadSchema('diagnostic.schema.json').properties as { code: { enum: Diagnostic['code'][] } })
      .code;
    const needContext: Diagnostic['code'][] = [
      'TEMPLATE_UNKNOWN',
      'EMPLOYEE_UNKNOWN',
      'TEMPLATE_PLACEHOLDER_UNKNOWN',
      'TEMPLATE_CLIENT_MARK_WITHOUT_COUNTERPARTY',
    ];
    const covered = new Set(Object.values(manifest).flatMap((entries) => entries.map((entry) => entry.code)));
    const missing = codeSchema.enum.filter((code) => !needContext.includes(code) && !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('keeps valid-sales-demo.json a copy of the demo flow, which validates with no diagnostics at all', () => {
    const demo = readJson(new URL('../../schemas/examples/flow.sales.json', import.meta.url));
    expect(readJson(new URL('valid-sales-demo.json', fixtures))).toEqual(demo);
    expect(validateFlow(demo).diagnostics).toEqual([]);
  });
});
