// Every tag a template uses, named as the data path it reads (placeholder-path.ts): {deal.title}
// is "deal.title", a loop is its own path ("deal.contacts") and the tags inside it hang under it
// ("deal.contacts[].email"); inside an object section they read the object ("deal.company.name").
import type { DXT } from 'docxtemplater';
import type { SignatureMark } from '../../../schemas/index.ts';
import { enterSection, qualifyTag } from './placeholder-path.ts';
import { isMarkPart, markOfPart } from './signature-marks-module.ts';

export function listPlaceholders(parts: readonly DXT.Part[]): string[] {
  const found = new Set<string>();
  collect(parts, '', found);
  return [...found].sort();
}

function collect(parts: readonly DXT.Part[], scope: string, found: Set<string>): void {
  for (const part of parts) {
    if (part.type !== 'placeholder' || isMarkPart(part)) continue;
    found.add(qualifyTag(scope, part.value));
    if (part.subparsed) collect(part.subparsed, enterSection(scope, part.value), found);
  }
}

/** The template's signature marks (not placeholders: they read no data), each once, in document order. */
export function listMarks(parts: readonly DXT.Part[]): SignatureMark[] {
  const found = new Map<string, SignatureMark>();
  const visit = (list: readonly DXT.Part[]): void => {
    for (const part of list) {
      if (part.type !== 'placeholder') continue;
      if (isMarkPart(part)) {
        const mark = markOfPart(part);
        const key = `${mark.kind} ${mark.party} ${mark.partyIndex} ${mark.field ?? ''}`;
        if (!found.has(key)) found.set(key, { ...mark, tag: mark.tag });
      }
      if (part.subparsed) visit(part.subparsed);
    }
  };
  visit(parts);
  return [...found.values()];
}
