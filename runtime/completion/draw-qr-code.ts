// The verify link's QR code drawn as vector squares, one rectangle per run of dark modules in a
// row: no PNG to encode and decode again (~4 ms and ~5 ms), and sharp at any zoom or print size.
import type { PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import QRCode from 'qrcode';

export interface QrPlacement {
  x: number;
  y: number;
  size: number;
}

export function drawQrCode(page: PDFPage, text: string, at: QrPlacement): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const quiet = 1;
  const cell = at.size / (count + 2 * quiet);
  const black = rgb(0, 0, 0);
  for (let row = 0; row < count; row++) {
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      page.drawRectangle({
        x: at.x + (quiet + start) * cell,
        y: at.y + at.size - (quiet + row + 1) * cell,
        width: (column - start) * cell,
        height: cell,
        color: black,
      });
    }
  }
}
