// Reads a JSON file given on the command line; every way it can fail becomes one FileProblem.
import { readFileSync, statSync } from 'node:fs';
import { maxDocumentDepth } from '../../engine/json/find-deep-nesting.ts';
import { FileProblem } from './cli-errors.ts';
import { findTextNesting } from './find-text-nesting.ts';
import { locateJsonError } from './locate-json-error.ts';

// Flows are limited to 5,000 nodes and 20,000 edges, which fit in a few MB; a 50 MB file of `[`
// took 9 s and 2.7 GB before anything could say it is no flow.
export const maxFileBytes = 10 * 1024 * 1024;

const reasonsByCode: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

function readText(file: string): string {
  try {
    const { size, isFile } = statOf(file);
    if (isFile && size > maxFileBytes) {
      const megabytes = (size / 1024 / 1024).toFixed(1);
      throw new FileProblem(
        file,
        '/',
        `the file is ${megabytes} MB, over the limit of ${maxFileBytes / 1024 / 1024} MB`,
      );
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new FileProblem(file, '/', reasonsByCode[code] ?? `cannot read the file (${code || String(error)})`);
  }
}

function statOf(file: string): { size: number; isFile: boolean } {
  const stats = statSync(file);
  return { size: stats.size, isFile: stats.isFile() };
}

export function readJsonDocument(file: string): unknown {
  // Editors on Windows may save a byte order mark, which JSON.parse rejects.
  const text = readText(file).replace(/^\uFEFF/, '');
  const deep = findTextNesting(text, maxDocumentDepth);
  if (deep) {
    const where = `at line ${deep.line}, column ${deep.column}`;
    throw new FileProblem(
      file,
      '/',
      `nests more than ${maxDocumentDepth} levels of arrays and objects deep (${where})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = locateJsonError(text);
    const where = problem ? ` at line ${problem.line}, column ${problem.column}` : '';
    throw new FileProblem(file, '/', `not JSON${where}: ${problem?.reason ?? (error as Error).message}`);
  }
}
