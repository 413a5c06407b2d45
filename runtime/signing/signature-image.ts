// A signature or stamp image as the final PDF can embed it: a real PNG (decoded by pngjs, not
// only its magic bytes), at most 2000 px a side and 1 MB, re-encoded so that nothing but the
// pixels is kept: 8-bit RGB flattened on white, the form the final PDF takes in without decoding
// it again (runtime/completion/embed-png.ts; every mark box and the certificate are white). The size is read from the header first, so a decompression bomb is refused
// before it is decoded (2000×2000 RGBA is 16 MB at most, decoded in tens of milliseconds).
import { PNG } from 'pngjs';
import { SigningRefusal } from './signing-refusal.ts';

export const imageLimits = { maxBytes: 1024 * 1024, maxSide: 2000 } as const;

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readSignatureImage(bytes: Uint8Array, what: 'signature' | 'stamp'): Uint8Array {
  if (bytes.length === 0) throw new SigningRefusal('bad_request', {}, `the ${what} is missing`);
  if (bytes.length > imageLimits.maxBytes) throw new SigningRefusal('too_large', {}, `the ${what} is over 1 MB`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(pngMagic) || buffer.toString('latin1', 12, 16) !== 'IHDR') {
    throw new SigningRefusal('bad_image', {}, `the ${what} is not a PNG image`);
  }
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  if (width === 0 || height === 0 || width > imageLimits.maxSide || height > imageLimits.maxSide) {
    throw new SigningRefusal('bad_image', {}, `the ${what} must be at most ${imageLimits.maxSide} px a side`);
  }
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(buffer);
  } catch {
    throw new SigningRefusal('bad_image', {}, `the ${what} is not a readable PNG image`);
  }
  const white = { red: 255, green: 255, blue: 255 };
  return new Uint8Array(PNG.sync.write(decoded, { colorType: 2, inputHasAlpha: true, bgColor: white }));
}

/** A data: URL from the page's canvas (typed or drawn signature) → its bytes. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl.trim());
  if (!match?.[1]) throw new SigningRefusal('bad_image', {}, 'the signature is not a PNG image');
  return new Uint8Array(Buffer.from(match[1], 'base64'));
}
