// docxtemplater's default parser reads {company.name} as one key and prints "undefined"; this one
// walks dotted paths. It resolves against one scope: docxtemplater itself retries the outer scopes
// (loop item first, then the enclosing data) while the result is null or undefined.
import type { DXT } from 'docxtemplater';
import { tagPath } from './placeholder-path.ts';

const segmentPattern = /^[A-Za-z0-9_]+$/;

/** Throws on anything but a plain dotted path, so docxtemplater reports the tag as invalid at compile time. */
export function dotPathParser(tag: string): DXT.Parser {
  const path = tagPath(tag);
  const segments = path.split('.');
  if (!segments.every((segment) => segmentPattern.test(segment))) {
    throw new Error(
      `"${path}" is not a placeholder path: use names joined by dots, like deal.title or deal.company.name`,
    );
  }
  return { get: (scope: unknown) => resolvePath(scope, segments) };
}

function resolvePath(scope: unknown, segments: readonly string[]): unknown {
  let value = scope;
  for (const segment of segments) {
    // Own properties only: a tag must not reach into prototypes ({deal.constructor}).
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
