// Every tag a template uses, named as the data path it reads (placeholder-path.ts): {deal.title}
// is "deal.title", a loop is its own path ("deal.contacts") and the tags inside it hang under it
// ("deal.contacts[].email"); inside an object section they read the object ("deal.company.name").
import type { DXT } from 'docxtemplater';
import { enterSection, qualifyTag } from './placeholder-path.ts';

export function listPlaceholders(parts: readonly DXT.Part[]): string[] {
  const found = new Set<string>();
  collect(parts, '', found);
  return [...found].sort();
}

function collect(parts: readonly DXT.Part[], scope: string, found: Set<string>): void {
  for (const part of parts) {
    if (part.type !== 'placeholder') continue;
    found.add(qualifyTag(scope, part.value));
    if (part.subparsed) collect(part.subparsed, enterSection(scope, part.value), found);
  }
}
