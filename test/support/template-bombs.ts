// Templates that are small on disk and heavy to process, for the limit tests: many paragraphs of
// varied words (so they do not deflate past the zip-bomb ratio), with or without many tags.
import PizZip from 'pizzip';
import { minimalDocx } from './minimal-docx.ts';

const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];

/** Deterministic, varied text: a linear congruential sequence picks the words and numbers. */
function prose(paragraphs: number, wordsPerParagraph: number): string[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return Array.from({ length: paragraphs }, () =>
    Array.from({ length: wordsPerParagraph }, () => `${words[next() % words.length]}${next() % 100000}`).join(' '),
  );
}

/** A document whose word/document.xml inflates to about `megabytes` MB of XML. */
export function largeXmlDocx(megabytes: number, tags = 0): Uint8Array {
  const paragraphs = Math.round((megabytes * 1024 * 1024) / 250);
  const text = prose(paragraphs, 16);
  for (let index = 0; index < tags; index++) {
    const at = Math.floor((index * paragraphs) / Math.max(1, tags));
    text[at] = `${text[at]} {deal.title}`;
  }
  return minimalDocx(text);
}

/** A document with `tags` placeholders among 1.5 MB of prose (so it stays under the zip-bomb ratio). */
export function manyTagsDocx(tags: number): Uint8Array {
  return largeXmlDocx(1.5, tags);
}

/** A valid document with `extra` more (tiny) entries in its archive. */
export function manyEntriesDocx(extra: number): Uint8Array {
  const zip = new PizZip(minimalDocx(['Contract {deal.title}']));
  for (let index = 0; index < extra; index++) zip.file(`customXml/item${index}.bin`, `${index}`);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** `base` with one of its parts replaced by `content`. */
export function withPart(base: Uint8Array, part: string, content: string): Uint8Array {
  const zip = new PizZip(base);
  zip.file(part, content);
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
