// Reads a JSON file given on the command line; every way it can fail becomes one FileProblem.
import { readFileSync } from 'node:fs';
import { FileProblem } from './cli-errors.ts';
import { locateJsonError } from './locate-json-error.ts';

const reasonsByCode: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new FileProblem(file, '/', reasonsByCode[code] ?? `cannot read the file (${code || String(error)})`);
  }
}

export function readJsonDocument(file: string): unknown {
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const text = readText(file).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = locateJsonError(text);
    const where = problem ? ` at line ${problem.line}, column ${problem.column}` : '';
    throw new FileProblem(file, '/', `not JSON${where}: ${problem?.reason ?? (error as Error).message}`);
  }
}
