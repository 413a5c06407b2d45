// Bounds on what composeFinalPdf accepts, so one envelope cannot make the seal job parse a huge PDF
// or decode a huge image. Signature pads produce a few hundred pixels and tens of kilobytes.
import { AppError } from '../errors/app-error.ts';
import { readJpegHeader } from '../signing/jpeg-header.ts';
import type { FinalPdfInput } from './final-pdf-input.ts';

export const MAX_FINAL_PAGES = 200;
export const MAX_IMAGE_BYTES = 1024 * 1024;
export const MAX_IMAGE_SIDE = 2000;
export const MAX_SIGNERS = 50;
/** Text we print (names, user agents, field values) is cut here; the certificate stays readable. */
export const MAX_PRINTED_CHARS = 500;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Reads width and height from the PNG's IHDR chunk or the JPEG's frame header, decoding nothing. */
export function checkSignatureImage(image: Uint8Array, what: string): void {
  if (image.byteLength > MAX_IMAGE_BYTES) {
    throw new AppError('validation', 'SIGNATURE_IMAGE_TOO_LARGE', `${what} is larger than 1 MB`);
  }
  let size: { width: number; height: number } | null = null;
  if (image.byteLength >= 24 && PNG_SIGNATURE.every((byte, i) => image[i] === byte)) {
    const view = new DataView(image.buffer, image.byteOffset, image.byteLength);
    size = { width: view.getUint32(16), height: view.getUint32(20) };
  } else if (image[0] === 0xff && image[1] === 0xd8) {
    size = readJpegHeader(image);
  }
  if (!size) throw new AppError('validation', 'SIGNATURE_IMAGE_INVALID', `${what} is not a PNG or JPEG image`);
  const { width, height } = size;
  if (width === 0 || height === 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    const message = `${what} is ${width}×${height} px; at most ${MAX_IMAGE_SIDE} px on each side`;
    throw new AppError('validation', 'SIGNATURE_IMAGE_TOO_LARGE', message);
  }
}

export function clip(text: string): string {
  return text.length > MAX_PRINTED_CHARS ? `${text.slice(0, MAX_PRINTED_CHARS)}…` : text;
}

/** The checks that need no parsing: cheap enough to run before a worker is started. */
export function checkFinalPdfInput(input: FinalPdfInput): void {
  if (input.signers.length > MAX_SIGNERS) {
    throw new AppError('validation', 'FINAL_PDF_TOO_MANY_SIGNERS', `At most ${MAX_SIGNERS} signers`);
  }
  for (const signer of input.signers) {
    checkSignatureImage(signer.signaturePng, `The signature of ${signer.name}`);
    if (signer.stampPng) checkSignatureImage(signer.stampPng, `The stamp of ${signer.name}`);
  }
}
