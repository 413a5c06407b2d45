import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoFlow, fixtureFlows } from './fixture-flows.test-support.ts';
import { exportFlowText, importFlowText } from './import-flow.ts';

const expectations = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/flows/expectations.json', import.meta.url), 'utf8'),
) as Record<string, { code: string; severity: string }[]>;

describe('import and export of flow files', () => {
  it('exports a flow that imports back unchanged', () => {
    const flow = demoFlow();
    const result = importFlowText(exportFlowText(flow));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.flow).toEqual(flow);
  });

  it('refuses text that is not JSON', () => {
    expect(importFlowText('{"nodes": [').ok).toBe(false);
    const result = importFlowText('nope');
    expect(!result.ok && result.reason).toBe('notJson');
  });

  it.each(
    fixtureFlows()
      .filter(({ file }) => file.startsWith('error-'))
      .map(({ file, flow }) => [file, flow] as const),
  )('refuses %s with the CLI codes', (file, flow) => {
    const result = importFlowText(JSON.stringify(flow));
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('expected diagnostics');
    const expected = (expectations[file] ?? []).filter((entry) => entry.severity === 'error');
    for (const entry of expected) {
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain(entry.code);
    }
  });
});
