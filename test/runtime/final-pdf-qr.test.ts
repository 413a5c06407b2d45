// The certificate's QR code is drawn as vector squares: rendered by poppler, every module's centre
// has the colour the encoder gave it for the verify URL (so any QR reader reads that URL).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { drawQrCode } from '../../runtime/completion/draw-qr-code.ts';

function grayAt(pgm: Buffer, x: number, y: number): number {
  // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const width = Number(header[1]);
  return pgm[header[0].length + y * width + x] as number;
}

describe('the QR code of the verify link', () => {
  it('renders every module as the encoder made it', async () => {
    const url = 'https://sign.example.com/verify/env_0192a7b4c3d24e6f8a9b0c1d2e3f4a5b';
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([200, 200]);
    drawQrCode(page, url, { x: 0, y: 0, size: 200 });
    const directory = mkdtempSync(join(tmpdir(), 'inkflow-qr-'));
    try {
      writeFileSync(join(directory, 'qr.pdf'), await pdf.save());
      // 72 dpi: one PDF point is one pixel, so module centres map to pixels directly.
      execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', join(directory, 'qr.pdf'), join(directory, 'qr')]);
      const pgm = readFileSync(join(directory, 'qr.pgm'));
      const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
      const cell = 200 / (modules.size + 2);
      let wrong = 0;
      for (let row = 0; row < modules.size; row++) {
        for (let column = 0; column < modules.size; column++) {
          const x = Math.floor((column + 1.5) * cell);
          const y = Math.floor((row + 1.5) * cell);
          const dark = grayAt(pgm, x, y) < 128;
          if (dark !== Boolean(modules.get(row, column))) wrong++;
        }
      }
      expect(modules.size).toBeGreaterThan(20);
      expect(wrong).toBe(0);
      // The quiet zone stays white.
      expect(grayAt(pgm, 1, 1)).toBeGreaterThan(200);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
