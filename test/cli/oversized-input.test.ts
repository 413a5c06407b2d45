// Files that used to crash or stall the CLI: condition trees nested thousands of levels deep
// (RangeError and a stack trace, exit 70), a 50 MB file of `[` (9 s, 2.7 GB), and numbers JSON.parse
// reads as Infinity. Every command answers with one line on stderr and exit 2, or a finding.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxConditionDepth } from '../../engine/json/find-deep-nesting.ts';
import { maxFileBytes } from '../../runtime/cli/read-json-document.ts';
import type { Condition } from '../../schemas/index.ts';
import { demoFlow } from '../support/examples.ts';
import {
  contractEventFile,
  demoFlowFile,
  runCli,
  runInProcess,
  scratchDirectory,
  writeScratchFile,
} from './run-cli.ts';

const directory = scratchDirectory();

function nestedNot(depth: number): Condition {
  let condition: Condition = { fact: 'amount', operator: 'greaterThan', value: 1000 };
  for (let level = 0; level < depth; level++) condition = { not: condition };
  return condition;
}

/** The demo flow with its first condition node's tree replaced. */
function demoWithCondition(conditions: unknown): object {
  const flow = demoFlow();
  const node = flow.nodes.find((candidate) => candidate.type === 'condition');
  if (node?.type !== 'condition') throw new Error('the demo flow has a condition node');
  (node.data as { conditions: unknown }).conditions = conditions;
  return flow;
}

const commandsReading = (file: string): string[][] => [
  ['validate', file],
  ['compile', file],
  ['simulate', file, contractEventFile],
  ['export', file, '--format', 'csv'],
  ['simulate', demoFlowFile, file],
];

function expectOneLine(run: { code: number; stdout: string; stderr: string }, file: string, reason: RegExp): void {
  expect(run.stderr).not.toContain('internal error');
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]?.startsWith(`inkflow: ${file}: `), lines[0]).toBe(true);
  expect(lines[0]?.slice(`inkflow: ${file}: `.length)).toMatch(reason);
}

describe('inkflow on files too deep or too large to read', () => {
  const deepTree = writeScratchFile(directory, 'deep-tree.json', demoWithCondition(nestedNot(2000)));
  const brackets = writeScratchFile(directory, 'brackets.json', '['.repeat(100_000));
  const infinite = writeScratchFile(
    directory,
    'infinite.json',
    JSON.stringify(demoWithCondition({ all: [{ fact: 'amount', operator: 'greaterThan', value: 1 }] })).replace(
      '"value":1}',
      '"value":1e400}',
    ),
  );

  it('refuses a condition tree 2,000 levels deep in one line, whatever the command', async () => {
    for (const args of commandsReading(deepTree))
      expectOneLine(
        await runInProcess(...args),
        deepTree,
        /^\/: nests more than 100 levels .*\(at line \d+, column \d+\)$/,
      );
  });

  it('refuses a tree of 60 groups, within the document depth, at the group past the limit', async () => {
    const file = writeScratchFile(directory, 'sixty.json', demoWithCondition(nestedNot(60)));
    for (const args of commandsReading(file))
      expectOneLine(
        await runInProcess(...args),
        file,
        /^\/nodes\/\d+\/data\/conditions(\/not){32}: conditions nest more than 32 groups/,
      );
  });

  it('refuses 100,000 nested brackets before parsing them, naming the line and column', async () => {
    for (const args of commandsReading(brackets))
      expectOneLine(await runInProcess(...args), brackets, /^\/: nests more than 100 levels .*line 1, column 101\)$/);
  });

  it('refuses a number JSON.parse reads as Infinity, with its pointer', async () => {
    for (const args of commandsReading(infinite).slice(0, 4))
      expectOneLine(
        await runInProcess(...args),
        infinite,
        /^\/nodes\/\d+\/data\/conditions\/all\/0\/value: must be a finite number/,
      );
  });

  it('refuses a file over the size limit without reading it, naming the limit', async () => {
    const huge = join(directory, 'huge.json');
    writeFileSync(huge, '['.repeat(maxFileBytes + 1));
    for (const args of commandsReading(huge))
      expectOneLine(await runInProcess(...args), huge, /^\/: the file is 10\.0 MB, over the limit of 10 MB$/);
  });

  it('refuses a tree just past the flow limit in one line, and accepts the deepest allowed one', async () => {
    const tooDeep = writeScratchFile(directory, 'too-deep.json', demoWithCondition(nestedNot(maxConditionDepth + 1)));
    expectOneLine(
      await runInProcess('validate', tooDeep),
      tooDeep,
      /^\/nodes\/\d+\/data\/conditions(\/not){32}: conditions nest more than 32 groups \(all \/ any \/ not\) deep here; flatten them/,
    );
    const deepest = writeScratchFile(directory, 'deepest.json', demoWithCondition(nestedNot(maxConditionDepth)));
    const simulated = await runInProcess('simulate', deepest, contractEventFile);
    expect(simulated.code, simulated.stderr).toBe(0);
  });

  it('says so from the real binary too, without a stack trace', async () => {
    expectOneLine(await runCli('validate', deepTree), deepTree, /nests more than/);
  });
});
