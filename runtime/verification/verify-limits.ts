// Bounds of a file sent for verification, and the refusals that say what to send instead.
import { AppError } from '../errors/app-error.ts';

export const maxVerifyBytes = 30 * 1024 * 1024;

export const tooLargeToVerify = (): AppError =>
  new AppError(
    'payload_too_large',
    'VERIFY_FILE_TOO_LARGE',
    `The file is larger than ${maxVerifyBytes / (1024 * 1024)} MB; a PDF sealed by inkflow is much smaller: send the file as you received it`,
  );

export const notAPdf = (): AppError =>
  new AppError(
    'unsupported_media_type',
    'VERIFY_NOT_PDF',
    'This is not a PDF: send the signed PDF (multipart/form-data with the file in a part named "file", or the bytes as application/pdf)',
  );

/** A PDF starts with %PDF- within its first 1024 bytes (ISO 32000-1 §7.5.2 allows leading junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}
