// The shared golden flows of test/fixtures/flows/ through the CLI's entry point (in this process; the
// spawned binary is tested on error-cycle.json in validate.test.ts): what `inkflow validate` prints and
// exits with must agree with expectations.json, and every flow without errors compiles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../schemas/index.ts';
import { repositoryRoot, runInProcess } from './run-cli.ts';

type Expected = Pick<Diagnostic, 'code' | 'severity' | 'nodeId' | 'edgeId' | 'pointer'>;

const fixtures = 'test/fixtures/flows/';
const expectations = JSON.parse(readFileSync(`${repositoryRoot}${fixtures}expectations.json`, 'utf8')) as Record<
  string,
  Expected[]
>;

/** A diagnostic line without its message: `severity CODE node=<id> [edge=<id>] <pointer>`. */
const headOf = (line: string): string => {
  const words = line.split(' ');
  return words.slice(0, words[3]?.startsWith('edge=') ? 5 : 4).join(' ');
};

const expectedHead = (diagnostic: Expected): string => {
  const edge = diagnostic.edgeId ? ` edge=${diagnostic.edgeId}` : '';
  return `${diagnostic.severity} ${diagnostic.code} node=${diagnostic.nodeId ?? '-'}${edge} ${diagnostic.pointer}`;
};

// The findings of validation's first gate, which the CLI reports as a file it cannot read (exit 2).
const isSchemaProblem = (diagnostics: Expected[]): boolean =>
  diagnostics.some((diagnostic) => diagnostic.code.startsWith('SCHEMA_') || diagnostic.code === 'CONDITION_TOO_DEEP');

describe('inkflow on test/fixtures/flows', () => {
  it('has expectations for the cycle fixture the brief names', () => {
    expect(expectations['error-cycle.json']?.map((diagnostic) => diagnostic.code)).toEqual(['FLOW_CYCLE']);
  });

  for (const [name, diagnostics] of Object.entries(expectations)) {
    const file = `${fixtures}${name}`;
    if (isSchemaProblem(diagnostics)) {
      it(`validate ${name}: one line at ${diagnostics[0]?.pointer}, exit 2`, async () => {
        const run = await runInProcess('validate', file);
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(new RegExp(`^inkflow: ${file}: ${diagnostics[0]?.pointer}: [^\\n]+\\n$`));
      });
      continue;
    }
    const errors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    it(`validate ${name}: the expected diagnostics, exit ${errors ? 1 : 0}`, async () => {
      const run = await runInProcess('validate', file);
      expect(run.code).toBe(errors ? 1 : 0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines.slice(0, -1).map(headOf).sort()).toEqual(diagnostics.map(expectedHead).sort());
      expect(lines.at(-1)?.startsWith(`${file}: `)).toBe(true);
    });
    if (!errors) {
      it(`compile ${name}: exit 0 and a rule set`, async () => {
        const run = await runInProcess('compile', file);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout).schemaVersion).toBe(1);
      });
    }
  }
});
