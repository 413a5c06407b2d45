// Checks an uploaded template before anything stores it, cheapest and most basic check first:
// is it a zip with the parts of a Word document, can every entry be read, does it stay small
// when inflated, are its tags well formed. Each failure is a validation error with its own code.
import inspectModuleExport from 'docxtemplater/js/inspect-module.js';
import { type AppError, validationError } from '../../errors/app-error.ts';
import { listPlaceholders } from './list-placeholders.ts';
import { openTemplate } from './open-template.ts';
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
}

// The module's CommonJS export is a factory; its typings describe an ES default-exported class.
type InspectModule = InstanceType<(typeof inspectModuleExport)['default']>;
const createInspectModule = inspectModuleExport as unknown as () => InspectModule;

const defaultMaxUncompressedBytes = 50 * 1024 * 1024;
const defaultMaxRatio = 100;
const requiredParts = ['[Content_Types].xml', 'word/document.xml'];

export async function inspectTemplate(bytes: Uint8Array, limits: TemplateLimits = {}): Promise<TemplateInspection> {
  if (!hasZipSignature(bytes)) throw notDocx('it is not a zip archive, and a .docx file always is');
  const directory = await readZipDirectory(bytes);
  try {
    requireWordParts(directory);
    const { limit, limitText } = inflationLimit(bytes.length, limits);
    const declared = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (declared > limit) {
      throw zipBomb(`its entries declare ${describeBytes(declared)} once inflated, above ${limitText}`);
    }
    await inflateEntries(directory, limit, limitText);
  } finally {
    directory.zipfile.close();
  }
  const inspector = createInspectModule();
  openTemplate(bytes, { modules: [inspector] });
  return { placeholders: listPlaceholders(inspector.getAllStructuredTags()) };
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
  const maxBytes = limits.maxUncompressedBytes ?? defaultMaxUncompressedBytes;
  const ratio = limits.maxRatio ?? defaultMaxRatio;
  const byRatio = ratio * uploadSize;
  if (byRatio < maxBytes) {
    return {
      limit: byRatio,
      limitText: `${describeBytes(byRatio)} (${ratio} times the ${describeBytes(uploadSize)} upload)`,
    };
  }
  return { limit: maxBytes, limitText: `the ${describeBytes(maxBytes)} limit` };
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function notDocx(reason: string): AppError {
  return validationError(
    'TEMPLATE_NOT_DOCX',
    `The template is not a Word document: ${reason}. Upload a .docx file saved from Word or LibreOffice.`,
  );
}
