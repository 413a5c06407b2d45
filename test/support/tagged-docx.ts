// A small valid DOCX whose paragraphs hold template tags (e.g. "{deal.title}"). minimalDocx writes
// each paragraph as one run, so docxtemplater sees every tag whole.
import { minimalDocx } from './minimal-docx.ts';

export function taggedDocx(paragraphs: readonly string[]): Uint8Array {
  return minimalDocx(paragraphs);
}
