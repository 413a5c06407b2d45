// Finds the last signature dictionary of a PDF by its text: /ByteRange [a b c d], the /Contents hex
// string in the gap between the two signed ranges, and the Reason/Name naming the envelope. Reads
// raw bytes only (no PDF parser): a file too broken to parse may still say whose seal it bore.
import { envelopeIdInSignature } from '../sealing/seal-reason.ts';
import { lastIndexOfInSlices } from './sliced-scan.ts';

export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The DER CMS (the hex string's bytes, trailing zero padding included). */
  contents: Uint8Array;
  envelopeId: string | undefined;
  /** /M of the dictionary as ISO text, when readable. */
  signingTime: string | undefined;
}

const marker = Buffer.from('/ByteRange');
// Dictionary text around /ByteRange, outside the /Contents gap, where Reason, Name and M live.
const dictionaryWindow = 4096;

function readPdfDate(text: string): string | undefined {
  const match = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replaceAll("'", '').slice(3, 5)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function hexBytes(file: Buffer, from: number, to: number): Uint8Array | undefined {
  if (file[from] !== 0x3c || file[to - 1] !== 0x3e) return undefined; // '<' … '>'
  const hex = file.toString('latin1', from + 1, to - 1).replace(/\s+/g, '');
  if (!/^[0-9A-Fa-f]*$/.test(hex) || hex.length % 2 !== 0) return undefined;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

export async function findLastSignature(file: Buffer): Promise<FoundSignature | undefined> {
  const at = await lastIndexOfInSlices(file, marker);
  if (at < 0) return undefined;
  const range = /^\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(
    file.toString('latin1', at + marker.length, at + marker.length + 80),
  );
  if (!range) return undefined;
  const byteRange = range.slice(1, 5).map(Number) as FoundSignature['byteRange'];
  const [start, firstLength, second, secondLength] = byteRange;
  const gapEnd = second;
  const gapStart = start + firstLength;
  if (start !== 0 || gapStart >= gapEnd || gapEnd > file.length || secondLength < 0) return undefined;
  const contents = hexBytes(file, gapStart, gapEnd);
  if (!contents) return undefined;
  const before = file.toString('latin1', Math.max(0, gapStart - dictionaryWindow), gapStart);
  const after = file.toString('latin1', gapEnd, Math.min(file.length, gapEnd + dictionaryWindow));
  const text = `${before}\n${after}`;
  return { byteRange, contents, envelopeId: envelopeIdInSignature(text), signingTime: readPdfDate(text) };
}
