import { describe, expect, it } from 'vitest';
import { demoFlow } from '../support/examples.ts';
import { demoFlowFile, runCli, scratchDirectory, writeScratchFile } from './run-cli.ts';

const diagnosticLine = /^(error|warning) [A-Z_]+ node=\S+( edge=\S+)? \S+ .+$/;

describe('inkflow validate', () => {
  it('accepts the demo flow: exit 0, a summary line, no error lines', async () => {
    const run = await runCli('validate', demoFlowFile);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(new RegExp(`^${demoFlowFile}: valid(, \\d+ warnings?)?$`));
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^warning /);
    expect(run.stderr).toBe('');
  });

  it('lists an error with its code, node and pointer, and exits 1', async () => {
    const flow = demoFlow();
    flow.nodes = flow.nodes.map((node) =>
      node.id === 'enter-contract' && node.type === 'stageEntered' ? { ...node, data: { stageId: 'signing' } } : node,
    );
    const file = writeScratchFile(scratchDirectory(), 'unknown-stage.json', flow);
    const run = await runCli('validate', file);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(diagnosticLine);
    expect(lines).toContainEqual(expect.stringMatching(/^error STAGE_UNKNOWN node=enter-contract \/nodes\/0\S* .+$/));
    expect(lines.at(-1)).toMatch(new RegExp(`^${file}: \\d+ errors?, \\d+ warnings?$`));
  });

  it('reports the cycle of test/fixtures/flows/error-cycle.json on its node, exit 1', async () => {
    const run = await runCli('validate', 'test/fixtures/flows/error-cycle.json');
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^error FLOW_CYCLE node=is-large-deal \/nodes\/1 .*"is-large-deal"/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('test/fixtures/flows/error-cycle.json: 1 error, 0 warnings');
  });
});
