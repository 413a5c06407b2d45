// docxtemplater's default parser reads {company.name} as one key and prints "undefined"; this one
// walks dotted paths, optionally through one formatter ({deal.fields.fee | money}, formatters.ts).
// It resolves against one scope: docxtemplater itself retries the outer scopes (loop item first,
// then the enclosing data) while the result is null or undefined. Formatters read the locale and
// currency of the deal at the root of the data.
import type { DXT } from 'docxtemplater';
import { resolveLocale } from './format-for-locale.ts';
import { type FormatContext, formatterNames, formatters } from './formatters.ts';
import { tagPath } from './placeholder-path.ts';

const segmentPattern = /^[A-Za-z0-9_]+$/;

/** Throws on anything but a plain dotted path (and a known formatter), so docxtemplater reports the tag at compile time. */
export function dotPathParser(tag: string): DXT.Parser {
  const path = tagPath(tag);
  const segments = path.split('.');
  if (!segments.every((segment) => segmentPattern.test(segment))) {
    throw new Error(
      `"${path}" is not a placeholder path: use names joined by dots, like deal.title or deal.company.name`,
    );
  }
  const format = formatterOf(tag);
  if (!format) return { get: (scope: unknown) => resolvePath(scope, segments) };
  return {
    get: (scope: unknown, context: DXT.ParserContext) => {
      const value = resolvePath(scope, segments);
      if (value === undefined || value === null) return value;
      return format(value, formatContext(context.scopeList[0]));
    },
  };
}

function formatterOf(tag: string): ((value: unknown, context: FormatContext) => unknown) | undefined {
  const bar = tag.indexOf('|');
  if (bar < 0) return undefined;
  const name = tag.slice(bar + 1).trim();
  const formatter = Object.hasOwn(formatters, name) ? formatters[name] : undefined;
  if (!formatter) {
    throw new Error(
      `"${name}" is not a formatter: use one of ${formatterNames.join(', ')}, as in {deal.fields.fee | money}`,
    );
  }
  return formatter;
}

function formatContext(root: unknown): FormatContext {
  const deal = resolvePath(root, ['deal']) as { locale?: unknown; currency?: unknown } | undefined;
  return {
    locale: resolveLocale(typeof deal?.locale === 'string' ? deal.locale : undefined),
    currency: typeof deal?.currency === 'string' ? deal.currency : undefined,
  };
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
