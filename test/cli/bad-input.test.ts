// Files the CLI cannot use: every command answers with exactly one line on stderr and exit 2.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
const flow = demoFlow();
const files = {
  missing: join(directory, 'no-such-flow.json'),
  notJson: writeScratchFile(directory, 'not-json.json', '{\n  "schemaVersion": 1,\n  "id": ,\n}\n'),
  wrongSchema: writeScratchFile(directory, 'wrong-schema.json', { ...flow, nodes: 'none' }),
  unknownVersion: writeScratchFile(directory, 'version-2.json', { ...flow, schemaVersion: 2 }),
};

/** What each bad file must produce after `inkflow: FILE: ` when given as a flow. */
const expected: Record<keyof typeof files, RegExp> = {
  missing: /^\/: no such file$/,
  notJson: /^\/: not JSON at line 3, column 9: unexpected ","$/,
  wrongSchema: /^\/nodes: \S.*$/,
  unknownVersion: /^\/schemaVersion: unsupported schemaVersion 2: this build of inkflow reads schemaVersion 1$/,
};

const commandsReadingAsFlow = (file: string): string[][] => [
  ['validate', file],
  ['compile', file],
  ['simulate', file, contractEventFile],
  ['export', file, '--format', 'csv'],
  ['export', demoFlowFile, file],
];

function expectOneLine(run: { code: number; stdout: string; stderr: string }, file: string, reason: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  const lines = run.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  const prefix = `inkflow: ${file}: `;
  expect(lines[0]?.startsWith(prefix), lines[0]).toBe(true);
  expect(lines[0]?.slice(prefix.length)).toMatch(reason);
}

describe('inkflow on files it cannot use', () => {
  const kinds = Object.entries(files) as Array<[keyof typeof files, string]>;

  for (const [kind, file] of kinds) {
    it(`reports a ${kind} file in one line with exit 2, whatever the command`, async () => {
      for (const args of commandsReadingAsFlow(file)) expectOneLine(await runInProcess(...args), file, expected[kind]);
      // A flow is no deal event: as the event, the first violation of the deal event schema is at the root.
      const asEvent = kind === 'wrongSchema' ? /^\/: missing required property "\w+"$/ : expected[kind];
      expectOneLine(await runInProcess('simulate', demoFlowFile, file), file, asEvent);
    });
  }

  it('says so in one line from the real binary too, one command per kind of bad file', async () => {
    const runs = await Promise.all(
      kinds.map(([, file], at) => runCli(...(commandsReadingAsFlow(file)[at] as string[]))),
    );
    runs.forEach((run, at) => {
      const [kind, file] = kinds[at] as [keyof typeof files, string];
      expectOneLine(run, file, expected[kind]);
    });
  });

  it('reports a document that is not an object at the root pointer', async () => {
    const file = writeScratchFile(directory, 'array.json', '[1, 2]\n');
    expectOneLine(await runInProcess('validate', file), file, /^\/: \S.*$/);
  });

  it('reads a flow saved with a byte order mark', async () => {
    const file = writeScratchFile(directory, 'bom.json', `\uFEFF${JSON.stringify(flow)}`);
    const run = await runInProcess('compile', file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).rules).toHaveLength(5);
  });
});
