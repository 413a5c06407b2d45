// Signature images into the final PDF, both ways embed-image.ts takes them: the stored form (RGB
// flattened on white by readSignatureImage, whose compressed rows go in with PNG predictors) and
// any other PNG (decoded; alpha becomes a soft mask). Checked from the outside: poppler renders
// the page and the pixels must be where and what the image says, for every PNG filter type.
import { PDFDocument, rgb } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawImage, embedImage } from '../../runtime/completion/embed-image.ts';
import { readSignatureImage } from '../../runtime/signing/signature-image.ts';
import { countColour, renderPage } from './final-pdf-tools.ts';

const RED: [number, number, number] = [220, 20, 20];
const BLUE: [number, number, number] = [20, 40, 220];
const WHITE: [number, number, number] = [255, 255, 255];

/** Left half opaque red, right half fully transparent: a stroke and the paper around it. */
function halfRed(width: number, height: number, filterType: number, colorType: 2 | 6 = 6): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const left = x < width / 2;
      png.data.set(left ? [...RED, 255] : [...BLUE, 0], at);
    }
  }
  return new Uint8Array(PNG.sync.write(png, { filterType, colorType, inputHasAlpha: true }));
}

async function pageWith(image: Uint8Array): Promise<{ pdf: Uint8Array; header: { width: number; height: number } }> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([400, 200]);
  page.drawRectangle({ x: 0, y: 0, width: 400, height: 200, color: rgb(0, 0, 1) });
  const embedded = embedImage(pdf, image);
  drawImage(page, embedded, { x: 0, y: 0, width: 400, height: 200 });
  return { pdf: await pdf.save(), header: { width: embedded.width, height: embedded.height } };
}

describe('signature images in the final PDF', () => {
  it.each([0, 1, 2, 3, 4])(
    'takes the stored form (RGB on white, PNG filter %i) without decoding it',
    async (filterType) => {
      const stored = await readSignatureImage(halfRed(120, 40, filterType), 'signature');
      // readSignatureImage chooses its own filters; re-encode with the one under test, still RGB.
      const decoded = PNG.sync.read(Buffer.from(stored));
      expect(decoded.width).toBe(120);
      const rgb = new Uint8Array(PNG.sync.write(decoded, { filterType, colorType: 2, inputHasAlpha: true }));
      expect(rgb[25]).toBe(2); // IHDR colour type: RGB, the form embedImage passes through
      const { pdf, header } = await pageWith(rgb);
      expect(header).toEqual({ width: 120, height: 40 });
      const page = await renderPage(pdf, 1);
      const left = { x: 10, y: 10, width: 180, height: 180 };
      const right = { x: 210, y: 10, width: 180, height: 180 };
      expect(countColour(page, RED, left)).toBeGreaterThan(180 * 180 * 0.95);
      // Flattened on white at submit: the blue page under the image does not show through.
      expect(countColour(page, WHITE, right)).toBeGreaterThan(180 * 180 * 0.95);
    },
  );

  it('keeps transparency for any other PNG (RGBA decoded into colour and soft mask)', async () => {
    const { pdf } = await pageWith(halfRed(120, 40, 4));
    const page = await renderPage(pdf, 1);
    expect(countColour(page, RED, { x: 10, y: 10, width: 180, height: 180 })).toBeGreaterThan(180 * 180 * 0.95);
    expect(countColour(page, [0, 0, 255], { x: 210, y: 10, width: 180, height: 180 })).toBeGreaterThan(
      180 * 180 * 0.95,
    );
  });

  it('refuses bytes that are not a PNG', async () => {
    const pdf = await PDFDocument.create();
    expect(() => embedImage(pdf, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toThrow();
  });
});
