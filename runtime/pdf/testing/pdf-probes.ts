// Tests look at our PDFs and processes from the outside: poppler's pdftotext and pdfinfo read
// the PDF, pgrep finds the processes whose command line names a directory of ours.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withPdfFile<T>(pdf: Uint8Array, read: (path: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'inkflow-pdf-probe-'));
  try {
    const path = join(directory, 'document.pdf');
    writeFileSync(path, pdf);
    return read(path);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));
}

export function pdfPageCount(pdf: Uint8Array): number {
  const info = withPdfFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error(`pdfinfo printed no page count:\n${info}`);
  return Number(match[1]);
}

/** PIDs whose full command line matches `pattern` (a pgrep regex); none is an empty list. */
export function pgrep(pattern: string): number[] {
  const result = spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' });
  if (result.status === 1) return [];
  if (result.status !== 0) throw new Error(`pgrep failed: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean).map(Number);
}

/** soffice.bin processes started with a profile under `directory`. */
export function sofficeProcesses(directory: string): number[] {
  return pgrep(`soffice\\.bin .*UserInstallation=file://${directory}`);
}
