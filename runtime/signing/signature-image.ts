// A signature or stamp image as the final PDF can embed it, at most 2000 px a side and 1 MB:
// - a PNG is decoded (by pngjs, not only its magic bytes) and re-encoded so that nothing but the
//   pixels is kept: 8-bit RGB flattened on white, the form the final PDF takes in without decoding
//   it again (runtime/completion/embed-image.ts; every mark box and the certificate are white). A
//   2000×2000 PNG is 16 MB of pixels and tens of milliseconds of CPU, so this runs on the worker
//   pool, off the request's event loop;
// - a JPEG (what a scanned stamp usually is) is kept as it is: PDF readers draw JPEG themselves
//   (DCTDecode), so it is never decoded here; its markers are walked to the frame header for its
//   size and colour components, and a file whose markers do not add up is refused.
// The size is read from the header first, so a decompression bomb is refused before any decoding.
import { templateWorkers } from '../documents/render/template-worker-pool.ts';
import { readJpegHeader } from './jpeg-header.ts';
import { SigningRefusal } from './signing-refusal.ts';

export const imageLimits = { maxBytes: 1024 * 1024, maxSide: 2000 } as const;

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const normalizeTimeoutMs = 10_000;

function sideOk(width: number, height: number): boolean {
  return width > 0 && height > 0 && width <= imageLimits.maxSide && height <= imageLimits.maxSide;
}

export async function readSignatureImage(bytes: Uint8Array, what: 'signature' | 'stamp'): Promise<Uint8Array> {
  if (bytes.length === 0) throw new SigningRefusal('bad_request', {}, `the ${what} is missing`);
  if (bytes.length > imageLimits.maxBytes) throw new SigningRefusal('too_large', {}, `the ${what} is over 1 MB`);
  const tooBig = () =>
    new SigningRefusal('bad_image', {}, `the ${what} must be at most ${imageLimits.maxSide} px a side`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xd8) {
    const jpeg = readJpegHeader(bytes);
    if (!jpeg) throw new SigningRefusal('bad_image', {}, `the ${what} is not a readable JPEG image`);
    if (!sideOk(jpeg.width, jpeg.height)) throw tooBig();
    return bytes;
  }
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(pngMagic) || buffer.toString('latin1', 12, 16) !== 'IHDR') {
    throw new SigningRefusal('bad_image', {}, `the ${what} is not a PNG or JPEG image`);
  }
  if (!sideOk(buffer.readUInt32BE(16), buffer.readUInt32BE(20))) throw tooBig();
  const normalized = (await templateWorkers.run(
    { kind: 'normalize-png', bytes },
    normalizeTimeoutMs,
  )) as Uint8Array | null;
  if (!normalized) throw new SigningRefusal('bad_image', {}, `the ${what} is not a readable PNG image`);
  return normalized;
}

/** A data: URL from the page's canvas (typed or drawn signature) → its bytes. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl.trim());
  if (!match?.[1]) throw new SigningRefusal('bad_image', {}, 'the signature is not a PNG image');
  return new Uint8Array(Buffer.from(match[1], 'base64'));
}
