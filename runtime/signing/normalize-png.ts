// A signer's PNG as it is stored: decoded and written again as 8-bit RGB flattened on white, so
// that nothing but the pixels is kept and the final PDF can take it in undecoded. Pure; run on the
// worker pool (signature-image.ts).
import { PNG } from 'pngjs';

/** null when the bytes cannot be decoded as a PNG. */
export function normalizePng(bytes: Uint8Array): Uint8Array | null {
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null;
  }
  const white = { red: 255, green: 255, blue: 255 };
  return new Uint8Array(PNG.sync.write(decoded, { colorType: 2, inputHasAlpha: true, bgColor: white }));
}
