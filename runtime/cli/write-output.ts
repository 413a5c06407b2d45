// A command's result goes to stdout, or to the file given with -o (same bytes either way).
import { writeFileSync } from 'node:fs';
import { FileProblem } from './cli-errors.ts';
import type { CliIo } from './cli-io.ts';

export function writeOutput(text: string, outputFile: string | undefined, io: CliIo): void {
  if (outputFile === undefined) {
    io.out(text);
    return;
  }
  try {
    writeFileSync(outputFile, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new FileProblem(outputFile, '/', `cannot write the file (${code})`);
  }
}
