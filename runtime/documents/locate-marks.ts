// Finds each rendered mark's box in the converted PDF: pdftotext (a child process, so the event loop
// stays free; bounded in time and output) lists every word with its box, the marks' anchors among
// them give where each box sits. pdftotext measures from the page's top left, PDF from its bottom
// left. A mark the PDF does not show (left out by a false section) is simply absent; a mark shown
// twice (a loop, a header) gives two boxes.
import { spawn } from 'node:child_process';
import type { SignatureMark } from '../../schemas/index.ts';
import { AppError } from '../errors/app-error.ts';
import { blockBox, fieldBox } from './render/mark-markup.ts';
import { anchorPattern, type RenderedMark } from './render/signature-marks-module.ts';

const timeoutMs = 30_000;
const maxOutputBytes = 128 * 1024 * 1024;

interface AnchorWord {
  anchor: string;
  page: number;
  pageHeight: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export async function locateMarks(pdf: Uint8Array, rendered: readonly RenderedMark[]): Promise<SignatureMark[]> {
  if (rendered.length === 0) return [];
  const words = await findAnchorWords(pdf);
  const marks: SignatureMark[] = [];
  for (const entry of rendered) {
    for (const start of words.filter((word) => word.anchor === entry.anchor)) {
      const box = entry.endAnchor ? fieldBoxOf(start, words, entry.endAnchor) : blockBoxOf(start);
      marks.push({ ...entry.mark, box });
    }
  }
  return marks;
}

// Offsets measured on LibreOffice's output: the anchor sits just inside the cell's border and margin.
function blockBoxOf(anchor: AnchorWord): NonNullable<SignatureMark['box']> {
  const width = blockBox.width / 20;
  const height = blockBox.height / 20;
  const top = anchor.yMin - 0.5;
  return { page: anchor.page, x: round(anchor.xMin - 4), y: round(anchor.pageHeight - top - height), width, height };
}

function fieldBoxOf(
  start: AnchorWord,
  words: readonly AnchorWord[],
  endAnchor: string,
): NonNullable<SignatureMark['box']> {
  const baseline = start.yMax - 0.4;
  // The end anchor on the same line closes the box; one wrapped to the next line leaves a box to the line's end estimate.
  const end = words.find(
    (word) =>
      word.anchor === endAnchor &&
      word.page === start.page &&
      Math.abs(word.yMax - start.yMax) < 1 &&
      word.xMin > start.xMax,
  );
  const x = start.xMax + 0.5;
  const width = end ? end.xMin - x : 136;
  return {
    page: start.page,
    x: round(x),
    y: round(start.pageHeight - baseline - fieldBox.below),
    width: round(width),
    height: fieldBox.above + fieldBox.below,
  };
}

const round = (value: number): number => Math.round(value * 100) / 100;

const pagePattern = /<page width="([\d.]+)" height="([\d.]+)">/;
const wordPattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/;

function findAnchorWords(pdf: Uint8Array): Promise<AnchorWord[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-bbox', '-q', '-', '-'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const words: AnchorWord[] = [];
    let page = 0;
    let pageHeight = 0;
    let pending = '';
    let received = 0;
    let failure: AppError | undefined;
    const fail = (message: string) => {
      failure ??= new AppError(
        'unavailable',
        'MARKS_NOT_LOCATED',
        `Finding the signature boxes in the PDF failed: ${message}`,
      );
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => fail(`pdftotext took more than ${timeoutMs / 1000} s`), timeoutMs);
    const readLine = (line: string) => {
      const pageMatch = pagePattern.exec(line);
      if (pageMatch) {
        page++;
        pageHeight = Number(pageMatch[2]);
        return;
      }
      if (!line.includes('IFM')) return;
      const word = wordPattern.exec(line);
      const anchor = word ? anchorPattern.exec(word[5] ?? '') : null;
      if (!word || !anchor) return;
      const [xMin, yMin, xMax, yMax] = [word[1], word[2], word[3], word[4]].map(Number) as [
        number,
        number,
        number,
        number,
      ];
      words.push({ anchor: anchor[0], page, pageHeight, xMin, yMin, xMax, yMax });
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      received += chunk.length;
      if (received > maxOutputBytes) return fail('its text is larger than 128 MB');
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) readLine(line);
    });
    child.on('error', (error) => fail(error.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      readLine(pending);
      if (failure) return reject(failure);
      if (code !== 0)
        return reject(
          new AppError('validation', 'MARKS_NOT_LOCATED', `pdftotext could not read the PDF (exit ${code})`),
        );
      resolve(words);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
