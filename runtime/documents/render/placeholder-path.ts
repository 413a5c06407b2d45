// How a tag is named in inspections and warnings: by the data path it reads. Inside a loop a tag
// reads the loop item ("deal.contacts[].email"), unless it starts at a top-level key of the
// template data, which no loop item has, so docxtemplater's fallback finds it at the root.
import type { TemplateData } from '../../../schemas/index.ts';

// A Record over keyof TemplateData: a key added to the schema fails to type-check until listed here.
const rootKeys: Record<keyof TemplateData, true> = {
  deal: true,
  ourCompany: true,
  companySigner: true,
  signers: true,
  document: true,
  today: true,
  now: true,
  amount: true,
  occurredAt: true,
};

/** The path a tag names, trimmed ("{ deal.title }" is "deal.title"). */
export function tagPath(tag: string): string {
  return tag.trim();
}

/** The tag's full path inside the loop whose own path is `loopPath` ('' outside any loop). */
export function qualifyTag(loopPath: string, tag: string): string {
  const path = tagPath(tag);
  const first = path.split('.')[0] ?? '';
  if (loopPath === '' || Object.hasOwn(rootKeys, first)) return path;
  return `${loopPath}[].${path}`;
}

/** The full path of a tag inside the loops `loops` (outermost first, as docxtemplater lists them). */
export function qualifyInLoops(loops: readonly string[], tag: string): string {
  const loopPath = loops.reduce((path, loop) => qualifyTag(path, loop), '');
  return qualifyTag(loopPath, tag);
}
