// How a tag is named in inspections and warnings: by the data path it reads. Inside a list loop a
// tag reads the item ("deal.contacts[].email"), inside an object section the object
// ("{#deal.company}{name}" is "deal.company.name"), and a section over a value is only a condition
// ("{#deal.fields.vip}"): the tags inside read the enclosing scope. A tag that starts at a top-level
// key of the template data is named from the root: no loop item has that key, so docxtemplater's
// fallback finds it there.
import type { TemplateData } from '../../../schemas/index.ts';
import { pathKind } from './template-paths.ts';

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

/** The path a tag names, trimmed and without its formatter ("{ deal.fee | money }" is "deal.fee"). */
export function tagPath(tag: string): string {
  const bar = tag.indexOf('|');
  return (bar < 0 ? tag : tag.slice(0, bar)).trim();
}

/** The tag's full path in `scope`: '' at the root, "deal.contacts[]" in a list item, "deal.company" in an object. */
export function qualifyTag(scope: string, tag: string): string {
  const path = tagPath(tag);
  const first = path.split('.')[0] ?? '';
  if (scope === '' || Object.hasOwn(rootKeys, first)) return path;
  return `${scope}.${path}`;
}

/** The scope the tags inside section `tag` (opened in `scope`) read. */
export function enterSection(scope: string, tag: string): string {
  const path = qualifyTag(scope, tag);
  const kind = pathKind(path);
  if (kind === 'list') return `${path}[]`;
  if (kind === 'object' || kind === 'map') return path;
  return scope;
}

/** The full path of a tag inside the sections `sections` (outermost first, as docxtemplater lists them). */
export function qualifyInLoops(sections: readonly string[], tag: string): string {
  const scope = sections.reduce(enterSection, '');
  return qualifyTag(scope, tag);
}
