import { describe, expect, it } from 'vitest';
import { runCli, runInProcess } from './run-cli.ts';

describe('inkflow usage', () => {
  it('prints the usage on --help and exits 0', async () => {
    const run = await runCli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: inkflow <command>/);
    for (const command of ['validate', 'compile', 'simulate', 'export']) expect(run.stdout).toContain(command);
    expect(run.stderr).toBe('');
  });

  it('prints the usage on stderr and exits 2 without a command', async () => {
    const run = await runCli();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: inkflow/);
  });

  it('names an unknown command and exits 2', async () => {
    const run = await runInProcess('frobnicate', 'x.json');
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('inkflow: unknown command "frobnicate"');
  });

  it('rejects an unknown option or a missing argument with exit 2', async () => {
    const unknownOption = await runInProcess('compile', 'schemas/examples/flow.sales.json', '--fast');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^inkflow: compile: Unknown option '--fast'/);
    const missing = await runInProcess('simulate', 'schemas/examples/flow.sales.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('inkflow: simulate: missing file argument');
    const badFormat = await runInProcess('export', 'schemas/examples/flow.sales.json', '--format', 'xml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr.split('\n')[0]).toBe('inkflow: export: --format must be json or csv, not "xml"');
  });
});
