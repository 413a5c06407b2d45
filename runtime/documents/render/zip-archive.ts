// Reads an uploaded archive with yauzl, which checks the zip structure strictly and, with
// validateEntrySizes, fails an entry that inflates past the size its header declares.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError, validationError } from '../../errors/app-error.ts';
import { describeBytes, isXmlPart } from './template-limits.ts';

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

export interface InflateLimits {
  /** Most bytes all entries may inflate to, and how to say it. */
  total: number;
  totalText: string;
  /** Most bytes the XML parts may inflate to, together and each. */
  xml: number;
  xmlPart: number;
}

/**
 * Inflates every entry and counts the bytes as they come, stopping as soon as a limit is passed,
 * so neither a lying header nor a flood of entries can make us inflate more. Returns the text of
 * the XML parts (by entry name); other entries (images) are counted and dropped.
 */
export async function inflateEntries(directory: ZipDirectory, limits: InflateLimits): Promise<Map<string, string>> {
  let total = 0;
  let xmlTotal = 0;
  const xmlParts = new Map<string, string>();
  for (const entry of directory.entries) {
    if (entry.fileName.endsWith('/')) continue;
    const xml = isXmlPart(entry.fileName);
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = await openEntry(directory.zipfile, entry);
    try {
      for await (const chunk of stream) {
        const length = (chunk as Buffer).length;
        total += length;
        size += length;
        if (total > limits.total) throw zipBomb(`its entries inflate to more than ${limits.totalText}`);
        if (!xml) continue;
        xmlTotal += length;
        if (size > limits.xmlPart) throw xmlTooLarge(`the part ${entry.fileName} inflates`, limits.xmlPart);
        if (xmlTotal > limits.xml) throw xmlTooLarge('its XML parts together inflate', limits.xml);
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw inflateError(entry, error);
    } finally {
      stream.destroy();
    }
    if (xml) xmlParts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return xmlParts;
}

function xmlTooLarge(what: string, limit: number): AppError {
  return validationError(
    'TEMPLATE_XML_TOO_LARGE',
    `The template was refused because ${what} to more than ${describeBytes(limit)} of XML (the limit). ` +
      'A contract is well under 1 MB of text: remove pasted-in content or repeated pages, save as .docx and upload it again.',
  );
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
