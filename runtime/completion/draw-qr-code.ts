// The verify link's QR code drawn as vector squares: one rectangle per run of dark modules in a
// row, all in one path filled once. No PNG to encode and decode again, sharp at any zoom or print
// size; and one `re` operator per run instead of pdf-lib's drawRectangle (a dozen operators each:
// 5 ms of the composition for the demo contract's code).
import {
  fill,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
} from 'pdf-lib';
import QRCode from 'qrcode';

export interface QrPlacement {
  x: number;
  y: number;
  size: number;
}

const rectangle = (x: number, y: number, width: number, height: number): PDFOperator =>
  PDFOperator.of(
    PDFOperatorNames.AppendRectangle,
    [x, y, width, height].map((value) => PDFNumber.of(value)),
  );

export function drawQrCode(page: PDFPage, text: string, at: QrPlacement): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 1;
  const cell = at.size / (count + 2 * quiet);
  const runs: PDFOperator[] = [];
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      runs.push(
        rectangle(
          at.x + (quiet + start) * cell,
          at.y + at.size - (quiet + row + 1) * cell,
          (column - start) * cell,
          cell,
        ),
      );
    }
  }
  page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...runs, fill(), popGraphicsState());
}
