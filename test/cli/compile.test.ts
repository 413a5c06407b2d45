import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFlow, serializeRuleSet } from '../../engine/compile/compile-flow.ts';
import { checkRuleSet } from '../../schemas/index.ts';
import { demoFlow } from '../support/examples.ts';
import { demoFlowFile, runCli, runInProcess, scratchDirectory, writeScratchFile } from './run-cli.ts';

describe('inkflow compile', () => {
  it('prints the canonical rule set of the demo flow, and writes the same bytes with -o, run after run', async () => {
    const output = join(scratchDirectory(), 'rules.json');
    const [printed, written] = await Promise.all([
      runCli('compile', demoFlowFile),
      runCli('compile', demoFlowFile, '-o', output),
    ]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(serializeRuleSet(compileFlow(demoFlow())));
    expect(checkRuleSet(JSON.parse(printed.stdout)).ok).toBe(true);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toBe(printed.stdout);
    // A third compilation, in this process, gives the same bytes again.
    expect((await runInProcess('compile', demoFlowFile)).stdout).toBe(printed.stdout);
  });

  it('lists the errors of an invalid flow on stderr, prints nothing and exits 1', async () => {
    const flow = demoFlow();
    const broken = { ...flow, edges: flow.edges.map((edge, at) => (at === 0 ? { ...edge, target: 'nowhere' } : edge)) };
    const file = writeScratchFile(scratchDirectory(), 'broken.json', broken);
    const run = await runInProcess('compile', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error EDGE_TARGET_MISSING node=- edge=\S+ \/edges\/0\/target .+$/m);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${file}: \\d+ errors?, \\d+ warnings?$`));
  });

  it('says which directory it could not write to, in one line, exit 2', async () => {
    const output = join(scratchDirectory(), 'missing-directory', 'rules.json');
    const run = await runInProcess('compile', demoFlowFile, '-o', output);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`inkflow: ${output}: /: cannot write the file (ENOENT)\n`);
  });
});
