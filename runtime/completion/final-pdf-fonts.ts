// The fonts of the final PDF's added text. Helvetica, one of the PDF's standard fonts, costs
// nothing to embed and covers every character of English and Portuguese (WinAnsi); DejaVu Sans,
// subset and embedded, covers other scripts but costs ~80 ms of CPU per font on the demo
// contract (measured in .scratch: load+subset+save 98 ms against 4 ms with Helvetica). So
// DejaVu is embedded only when a name, title or value needs a character Helvetica lacks.
import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';
import { type PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import type { FinalPdfInput } from './final-pdf-input.ts';
import { characterSetOf } from './pdf-text-layout.ts';

const fontDirectory = '/usr/share/fonts/truetype/dejavu';
let fontFiles: Promise<[Buffer, Buffer]> | undefined;

function loadFontFiles(): Promise<[Buffer, Buffer]> {
  fontFiles ??= Promise.all([
    readFile(`${fontDirectory}/DejaVuSans.ttf`),
    readFile(`${fontDirectory}/DejaVuSans-Bold.ttf`),
  ]);
  return fontFiles;
}

export interface FinalPdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Every text of the input that the PDF prints (bytes aside). */
function* textsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value instanceof Uint8Array || value === null || typeof value !== 'object') return;
  else for (const item of Object.values(value)) yield* textsOf(item);
}

export function fitsStandardFont(font: PDFFont, input: FinalPdfInput, extra: readonly string[]): boolean {
  const supported = characterSetOf(font);
  for (const text of [...textsOf(input), ...extra]) {
    for (const char of text.replace(/[\r\n\t]+/g, ' ')) {
      if (!supported.has(char.codePointAt(0) ?? 0)) return false;
    }
  }
  return true;
}

export async function embedFinalPdfFonts(
  pdf: PDFDocument,
  input: FinalPdfInput,
  fixedTexts: readonly string[],
): Promise<FinalPdfFonts> {
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  if (fitsStandardFont(regular, input, fixedTexts)) {
    return { regular, bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  }
  pdf.registerFontkit(fontkit);
  const [regularFile, boldFile] = await loadFontFiles();
  return {
    regular: await pdf.embedFont(regularFile, { subset: true }),
    bold: await pdf.embedFont(boldFile, { subset: true }),
  };
}
