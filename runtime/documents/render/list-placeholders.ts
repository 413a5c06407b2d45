// Every tag a template uses, named as the data path it reads: {deal.title} is "deal.title", a loop
// is its own path ("deal.contacts") and the tags inside it hang under it ("deal.contacts[].email").
import type { DXT } from 'docxtemplater';
import { qualifyTag } from './placeholder-path.ts';

export function listPlaceholders(parts: readonly DXT.Part[]): string[] {
  const found = new Set<string>();
  collect(parts, '', found);
  return [...found].sort();
}

function collect(parts: readonly DXT.Part[], loopPath: string, found: Set<string>): void {
  for (const part of parts) {
    if (part.type !== 'placeholder') continue;
    const path = qualifyTag(loopPath, part.value);
    found.add(path);
    if (part.subparsed) collect(part.subparsed, path, found);
  }
}
