// Line wrapping for the certificate: breaks on spaces, and inside words too long for a line
// (user agents, hashes, URLs), measured with the embedded font so any script prints.
import type { PDFFont } from 'pdf-lib';

// Widths are summed char by char (kerning aside, which only narrows a line): measuring the growing
// piece again at every character made a 64-character hash cost 2,000 glyph lookups.
function breakWord(word: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of word) {
    const charWidth = font.widthOfTextAtSize(char, size);
    if (piece && pieceWidth + charWidth > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += charWidth;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = breakWord(word, font, size, width);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();

/** The code points the font has glyphs for, built once per font (DejaVu has thousands). */
export function characterSetOf(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Drops characters the font has no glyph for, so a stray emoji cannot fail the whole PDF. */
export function printable(text: string, font: PDFFont): string {
  const supported = characterSetOf(font);
  let out = '';
  for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
    const code = char.codePointAt(0) ?? 0;
    out += supported.has(code) ? char : '?';
  }
  return out;
}
