// What a parsed JSON body may not carry, whatever its schema says: text the renderer and the
// database cannot keep as sent (control characters, lone surrogates: a lone surrogate is stored as
// U+FFFD, so the row is found under another key than the one it was written with), numbers JSON
// text can spell but a document cannot hold (1e309 parses as Infinity and is stored as null), and
// nesting deeper than any of our documents needs (the engine's limit). Walked iteratively: the
// client chooses the depth. The engine's findNonFiniteNumber stops at the first; this lists up to 50.
import { maxDocumentDepth } from '../../engine/json/find-deep-nesting.ts';
import { nonFiniteMessage } from '../../engine/json/find-non-finite-number.ts';
import type { ApiErrorDetail } from '../../schemas/index.ts';
import { type AppError, validationError } from '../errors/app-error.ts';

/** Tab, line feed and carriage return are text; the other C0 controls are not. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

// Node 20 has String.prototype.isWellFormed/toWellFormed; TypeScript's ES2023 lib does not list them.
type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };
const isWellFormed = (text: string): boolean => (text as WellFormedString).isWellFormed();
export const toWellFormed = (text: string): string => (text as WellFormedString).toWellFormed();

/** Why a string cannot be taken, or undefined when it can. */
export function textProblem(text: string): string | undefined {
  if (!isWellFormed(text)) return 'contains a lone UTF-16 surrogate (not well-formed Unicode)';
  const control = controlCharacter.exec(text);
  if (control) {
    const code = (control[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    return `contains the control character U+${code} at position ${control.index} (only tab, CR and LF are allowed)`;
  }
  return undefined;
}

/** Every problem, at most `limit` of them (and a count of the rest through `total`). */
export function findUnsafeJson(value: unknown, limit = 50): { problems: ApiErrorDetail[]; total: number } {
  const problems: ApiErrorDetail[] = [];
  let total = 0;
  const report = (detail: ApiErrorDetail) => {
    total += 1;
    if (problems.length < limit) problems.push(detail);
  };
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: item, pointer, depth } = stack.pop() as (typeof stack)[number];
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) report({ code: 'TEXT_INVALID', pointer: pointer || '/', message: problem });
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item)) {
        report({ code: 'NUMBER_NOT_FINITE', pointer: pointer || '/', message: nonFiniteMessage });
      }
    } else if (item !== null && typeof item === 'object') {
      if (depth >= maxDocumentDepth) {
        report({
          code: 'JSON_TOO_DEEP',
          pointer: pointer || '/',
          message: `the document nests more than ${maxDocumentDepth} levels of arrays and objects deep here`,
        });
        continue;
      }
      const entries = Array.isArray(item)
        ? item.map((entry, index) => [String(index), entry] as const)
        : Object.entries(item);
      for (let at = entries.length - 1; at >= 0; at -= 1) {
        const [key, entry] = entries[at] as readonly [string, unknown];
        const entryPointer = `${pointer}/${escapePointer(toWellFormed(key))}`;
        const keyProblem = Array.isArray(item) ? undefined : textProblem(key);
        if (keyProblem)
          report({ code: 'TEXT_INVALID', pointer: entryPointer, message: `the property name ${keyProblem}` });
        stack.push({ value: entry, pointer: entryPointer, depth: depth + 1 });
      }
    }
  }
  return { problems, total };
}

/** The 400 for what findUnsafeJson found in `subject` (a body, a form): the first named, all counted. */
export function unsafeJsonError(unsafe: { problems: ApiErrorDetail[]; total: number }, subject: string): AppError {
  const first = unsafe.problems[0] as ApiErrorDetail;
  const error = validationError(
    first.code as string,
    `${subject} has ${unsafe.total} value(s) inkflow cannot keep as sent; the first: ${first.pointer} ${first.message}`,
    unsafe.problems,
  );
  error.detailsTotal = unsafe.total;
  return error;
}
