// The document's pages as PNGs for the signer's page, rendered by poppler (`pdftoppm -r 110`) in a
// child process, so a large PDF never blocks the event loop. At most two renders run at once, each
// bounded in time; a rendered page is kept on disk under dataDir (per document and page), so a
// phone reloading the page costs nothing.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors/app-error.ts';
import type { RuntimeServices } from '../services.ts';

const run = promisify(execFile);
const renderTimeoutMs = 30_000;
const maxPages = 200;
const maxRunning = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxRunning) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

const safeId = (documentId: string): string => documentId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);

async function pdfFile(services: RuntimeServices, documentId: string): Promise<{ dir: string; file: string }> {
  const dir = join(services.config.dataDir, 'signing-pages', safeId(documentId));
  const file = join(dir, 'document.pdf');
  try {
    await readFile(join(dir, 'pages.txt'));
    return { dir, file };
  } catch {
    const row = await services.database.db
      .selectFrom('documents')
      .select('pdf')
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    await mkdir(dir, { recursive: true });
    await writeFile(`${file}.tmp`, row.pdf);
    await rename(`${file}.tmp`, file);
    const { stdout } = await bounded(() => run('pdfinfo', [file], { timeout: renderTimeoutMs }));
    const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? '0');
    await writeFile(join(dir, 'pages.txt'), String(Math.min(pages, maxPages)));
    return { dir, file };
  }
}

/** The number of pages the signer sees (at most 200). */
export async function pageCount(services: RuntimeServices, documentId: string): Promise<number> {
  const { dir } = await pdfFile(services, documentId);
  return Number(await readFile(join(dir, 'pages.txt'), 'utf8'));
}

/** Page n (1-based) as PNG bytes; not_found past the last page. */
export async function pageImage(services: RuntimeServices, documentId: string, page: number): Promise<Buffer> {
  const count = await pageCount(services, documentId);
  if (!Number.isInteger(page) || page < 1 || page > count) {
    throw new AppError('not_found', 'PAGE_NOT_FOUND', `the document has no page ${page}`);
  }
  const { dir, file } = await pdfFile(services, documentId);
  const png = join(dir, `page-${page}.png`);
  try {
    return await readFile(png);
  } catch {
    const root = join(dir, `render-${page}-${process.pid}-${Date.now()}`);
    const pageArg = String(page);
    await bounded(() =>
      run('pdftoppm', ['-png', '-r', '110', '-f', pageArg, '-l', pageArg, '-singlefile', file, root], {
        timeout: renderTimeoutMs,
      }),
    );
    await rename(`${root}.png`, png);
    return readFile(png);
  }
}
