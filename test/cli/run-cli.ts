// Runs the real CLI (node runtime/cli/inkflow.mjs …) from the repository root, as a user would.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../runtime/cli/main.ts';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['runtime/cli/inkflow.mjs', ...args],
      { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * The same entry point in this process, for sweeps over many files: a spawn costs about a CPU-second
 * (tsx and ajv start-up), so the spawned tests cover each path once and the sweeps run here.
 */
export async function runInProcess(...args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { out: (text) => stdout.push(text), err: (text) => stderr.push(text) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** A fresh directory for one test file's inputs and outputs. */
export function scratchDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'inkflow-cli-'));
}

export function writeScratchFile(directory: string, name: string, content: string | object): string {
  const path = join(directory, name);
  writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  return path;
}

export const demoFlowFile = 'schemas/examples/flow.sales.json';
export const contractEventFile = 'schemas/examples/deal-event.contract.json';
export const smallContractEventFile = 'schemas/examples/deal-event.small-contract.json';
