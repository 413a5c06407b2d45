// Reads an uploaded archive with yauzl, which checks the zip structure strictly and, with
// validateEntrySizes, fails an entry that inflates past the size its header declares.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError, validationError } from '../../errors/app-error.ts';

export interface ZipDirectory {
  zipfile: ZipFile;
  entries: Entry[];
}

/** The central directory: every entry with its declared sizes, nothing inflated yet. */
export async function readZipDirectory(bytes: Uint8Array): Promise<ZipDirectory> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zipfile: ZipFile | undefined;
  try {
    zipfile = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
    const entries: Entry[] = [];
    for await (const entry of zipfile.eachEntry()) entries.push(entry);
    return { zipfile, entries };
  } catch (error) {
    zipfile?.close();
    throw brokenZip(`its directory cannot be read: ${messageOf(error)}`);
  }
}

/**
 * Inflates every entry and counts the bytes as they come, stopping as soon as the total passes
 * `limit`, so neither a lying header nor a flood of entries can make us inflate more.
 */
export async function inflateEntries(directory: ZipDirectory, limit: number, limitText: string): Promise<number> {
  let total = 0;
  for (const entry of directory.entries) {
    if (entry.fileName.endsWith('/')) continue;
    const stream = await openEntry(directory.zipfile, entry);
    try {
      for await (const chunk of stream) {
        total += (chunk as Buffer).length;
        if (total > limit) throw zipBomb(`its entries inflate to more than ${limitText}`);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw inflateError(entry, error);
    } finally {
      stream.destroy();
    }
  }
  return total;
}

async function openEntry(zipfile: ZipFile, entry: Entry): Promise<Readable> {
  try {
    return await zipfile.openReadStreamPromise(entry);
  } catch (error) {
    throw brokenZip(`entry "${entry.fileName}" cannot be opened: ${messageOf(error)}`);
  }
}

function inflateError(entry: Entry, error: unknown): AppError {
  const message = messageOf(error);
  // yauzl's wording when an entry inflates past its declared size: the header lied, as bombs do.
  if (message.startsWith('too many bytes in the stream')) {
    return zipBomb(
      `entry "${entry.fileName}" inflates to more than the ${entry.uncompressedSize} bytes its header declares`,
    );
  }
  return brokenZip(`entry "${entry.fileName}" cannot be inflated: ${message}`);
}

export function brokenZip(reason: string): AppError {
  return validationError(
    'TEMPLATE_BROKEN_ZIP',
    `The template is a damaged zip archive (${reason}). Open it in Word, save it again as .docx and upload that file.`,
  );
}

export function zipBomb(reason: string): AppError {
  return validationError(
    'TEMPLATE_ZIP_BOMB',
    `The template was refused because ${reason}. A Word template is a few megabytes at most: ` +
      'remove large images or embedded files, save it again as .docx and upload that file.',
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
