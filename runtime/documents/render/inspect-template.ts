// Checks an uploaded template before anything stores it, cheapest and most basic check first:
// is it a zip with the parts of a Word document and few entries, can every entry be read, does it
// stay small when inflated, is every XML part well-formed, free of tracked changes and comments and
// of a bounded number of tags, are its tags well formed. Each failure is a validation error with
// its own code. CPU-heavy: the runtime calls it in a worker (template-in-worker.ts).
import inspectModuleExport from 'docxtemplater/js/inspect-module.js';
import type { ApiErrorDetail, SignatureMark } from '../../../schemas/index.ts';
import { type AppError, validationError } from '../../errors/app-error.ts';
import { checkXmlPart } from './check-xml-part.ts';
import { findRevisions, refuseRevisions } from './find-revisions.ts';
import { findUnclosedTags } from './find-unclosed-tags.ts';
import { listMarks, listPlaceholders } from './list-placeholders.ts';
import { openTemplate } from './open-template.ts';
import { describeBytes, templateLimits } from './template-limits.ts';
import { inflateEntries, readZipDirectory, type ZipDirectory, zipBomb } from './zip-archive.ts';

export interface TemplateLimits {
  /** Most bytes the entries may inflate to in total (default 50 MB). */
  maxUncompressedBytes?: number;
  /** Most times the upload's size the entries may inflate to (default 100). */
  maxRatio?: number;
}

export interface TemplateInspection {
  /** Every tag the template uses as a dotted path, loops as deal.contacts[].name; sorted, unique. */
  placeholders: string[];
  /** The signature marks ({%sign company}, {?client passportNumber}…), each once, without boxes. */
  marks: SignatureMark[];
}

// The module's CommonJS export is a factory; its typings describe an ES default-exported class.
type InspectModule = InstanceType<(typeof inspectModuleExport)['default']>;
const createInspectModule = inspectModuleExport as unknown as () => InspectModule;

const requiredParts = ['[Content_Types].xml', 'word/document.xml'];

export async function inspectTemplate(bytes: Uint8Array, limits: TemplateLimits = {}): Promise<TemplateInspection> {
  if (!hasZipSignature(bytes)) throw notDocx('it is not a zip archive, and a .docx file always is');
  const directory = await readZipDirectory(bytes);
  let xmlParts: Map<string, string>;
  try {
    requireWordParts(directory);
    requireFewEntries(directory);
    const { limit, limitText } = inflationLimit(bytes.length, limits);
    const declared = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > limit) {
      throw zipBomb(`its entries declare ${describeBytes(declared)} once inflated, above ${limitText}`);
    }
    xmlParts = await inflateEntries(directory, {
      total: limit,
      totalText: limitText,
      xml: templateLimits.maxXmlBytes,
      xmlPart: templateLimits.maxXmlPartBytes,
    });
  } finally {
    directory.zipfile.close();
  }
  checkXmlParts(xmlParts);
  refuseRevisions(findRevisions(xmlParts));
  refuseTooManyTags(countTagOpenings(xmlParts));
  refuseUnclosedTags(findUnclosedTags(xmlParts));
  const inspector = createInspectModule();
  openTemplate(bytes, { modules: [inspector] });
  const parts = inspector.getAllStructuredTags();
  return { placeholders: listPlaceholders(parts), marks: listMarks(parts) };
}

function requireFewEntries(directory: ZipDirectory): void {
  const count = directory.entries.length;
  if (count <= templateLimits.maxEntries) return;
  throw validationError(
    'TEMPLATE_TOO_MANY_ENTRIES',
    `The template holds ${count} files, above the limit of ${templateLimits.maxEntries}. A Word document has a few ` +
      'dozen: remove embedded files or objects, save it again as .docx and upload that file.',
  );
}

function checkXmlParts(parts: ReadonlyMap<string, string>): void {
  const details = [];
  for (const [name, text] of parts) {
    const problem = checkXmlPart(text);
    if (problem) details.push({ pointer: `/file/${name}`, message: `${name}: ${problem}` });
  }
  if (details.length === 0) return;
  throw validationError(
    'TEMPLATE_XML_INVALID',
    `The template's ${details.map((detail) => detail.pointer.slice(6)).join(', ')} ${details.length === 1 ? 'is' : 'are'} ` +
      'not well-formed XML, so LibreOffice could not convert it: open the template in Word, save it again as .docx ' +
      '(not by editing its XML by hand) and upload that file.',
    details,
  );
}

// Every "{" in the text of the parts (not in their markup) may open a tag: an upper bound on the
// tags docxtemplater would compile, counted before it spends memory on them.
function countTagOpenings(parts: ReadonlyMap<string, string>): number {
  let count = 0;
  for (const text of parts.values()) {
    let inMarkup = false;
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (code === 60) inMarkup = true;
      else if (code === 62) inMarkup = false;
      else if (code === 123 && !inMarkup) count++;
    }
  }
  return count;
}

function refuseUnclosedTags(details: ApiErrorDetail[]): void {
  if (details.length === 0) return;
  throw validationError(
    'TEMPLATE_TAGS_INVALID',
    `The template has ${details.length} unclosed placeholder${details.length === 1 ? '' : 's'}: every { needs its } ` +
      'in the same paragraph. Fix the tags listed in details in Word and upload the template again.',
    details,
  );
}

function refuseTooManyTags(count: number): void {
  if (count <= templateLimits.maxTags) return;
  throw validationError(
    'TEMPLATE_TOO_MANY_TAGS',
    `The template holds ${count} placeholder braces ({), above the limit of ${templateLimits.maxTags} tags. ` +
      'Use a loop ({#deal.contacts}…{/deal.contacts}) instead of repeating tags, or split the template.',
  );
}

// A zip starts with a local file header (PK\3\4), or is empty (PK\5\6).
function hasZipSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  return (bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6);
}

function requireWordParts(directory: ZipDirectory): void {
  const names = new Set(directory.entries.map((entry) => entry.fileName));
  const missing = requiredParts.filter((part) => !names.has(part));
  if (missing.length > 0) throw notDocx(`it is a zip archive without ${missing.join(' and ')}`);
}

function inflationLimit(uploadSize: number, limits: TemplateLimits): { limit: number; limitText: string } {
  const maxBytes = limits.maxUncompressedBytes ?? templateLimits.maxUncompressedBytes;
  const ratio = limits.maxRatio ?? templateLimits.maxRatio;
  const byRatio = ratio * uploadSize;
  if (byRatio < maxBytes) {
    return {
      limit: byRatio,
      limitText: `${describeBytes(byRatio)} (${ratio} times the ${describeBytes(uploadSize)} upload)`,
    };
  }
  return { limit: maxBytes, limitText: `the ${describeBytes(maxBytes)} limit` };
}

function notDocx(reason: string): AppError {
  return validationError(
    'TEMPLATE_NOT_DOCX',
    `The template is not a Word document: ${reason}. Upload a .docx file saved from Word or LibreOffice.`,
  );
}
