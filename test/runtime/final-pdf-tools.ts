// Looks at a PDF from outside, the way a reader would: poppler's text and a rendered page's pixels,
// and makes the signature images the final-PDF tests draw (solid colours, easy to find again).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Uint8Array, use: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'inkflow-final-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, pdf);
    return await use(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext splits pages with form feeds). */
export function pagesText(pdf: Uint8Array): Promise<string[]> {
  return withPdfFile(pdf, async (_dir, file) => {
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 32 * 1024 * 1024 });
    return stdout.split('\f').slice(0, -1);
  });
}

export function pageCount(pdf: Uint8Array): Promise<number> {
  return withPdfFile(pdf, async (_dir, file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1]);
  });
}

/** One page rendered at 72 dpi, so one pixel is one PDF point. */
export function renderPage(pdf: Uint8Array, page: number): Promise<PNG> {
  return withPdfFile(pdf, async (dir, file) => {
    const prefix = join(dir, 'page');
    await run('pdftoppm', ['-r', '72', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, prefix]);
    return PNG.sync.read(await readFile(`${prefix}.png`));
  });
}

/** Pixels close to the colour inside a rectangle given in PDF points, origin bottom-left. */
export function countColour(
  image: PNG,
  colour: [number, number, number],
  box: { x: number; y: number; width: number; height: number },
): number {
  let count = 0;
  const top = Math.round(image.height - box.y - box.height);
  for (let row = Math.max(0, top); row < Math.min(image.height, top + Math.round(box.height)); row++) {
    for (let col = Math.max(0, Math.round(box.x)); col < Math.min(image.width, Math.round(box.x + box.width)); col++) {
      const at = (row * image.width + col) * 4;
      const near = colour.every((value, i) => Math.abs((image.data[at + i] ?? 0) - value) < 40);
      if (near) count++;
    }
  }
  return count;
}

export function solidPng(width: number, height: number, colour: [number, number, number]): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data.set([...colour, 255], i * 4);
  }
  return new Uint8Array(PNG.sync.write(png));
}
