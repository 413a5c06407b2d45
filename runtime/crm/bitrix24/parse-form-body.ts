// application/x-www-form-urlencoded with PHP-style nested keys, as Bitrix24 posts its events
// (data[FIELDS][ID]=123&auth[domain]=…), decoded to nested objects. Bounded in pairs, key length
// and depth; a key given twice, or both as a value and as a group, is refused rather than guessed.
import { validationError } from '../../errors/app-error.ts';

export const maxFormPairs = 100;
const maxKeyLength = 200;
const maxDepth = 4;

export interface FormObject {
  [key: string]: string | FormObject;
}

function segmentsOf(key: string): string[] {
  const match = /^([^[\]]+)((?:\[[^[\]]+\])*)$/.exec(key);
  if (!match?.[1])
    throw validationError('FORM_INVALID', `form key "${key.slice(0, 60)}" is not name or name[part][part]`);
  const rest = [...(match[2] ?? '').matchAll(/\[([^[\]]+)\]/g)].map((part) => part[1] as string);
  const segments = [match[1], ...rest];
  if (segments.length > maxDepth)
    throw validationError('FORM_INVALID', `form key "${key.slice(0, 60)}" is nested deeper than ${maxDepth}`);
  return segments;
}

function place(root: FormObject, segments: string[], value: string, key: string): void {
  let node = root;
  for (const [at, segment] of segments.entries()) {
    const last = at === segments.length - 1;
    const existing = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (last) {
      if (existing !== undefined)
        throw validationError('FORM_INVALID', `form key "${key.slice(0, 60)}" is given twice`);
      node[segment] = value;
      return;
    }
    if (typeof existing === 'string')
      throw validationError('FORM_INVALID', `form key "${key.slice(0, 60)}" is both a value and a group`);
    const child: FormObject = existing ?? (Object.create(null) as FormObject);
    node[segment] = child;
    node = child;
  }
}

/** The body's pairs as nested objects (without prototypes: "__proto__" is just a key). */
export function parseFormBody(text: string): FormObject {
  const params = new URLSearchParams(text);
  const root = Object.create(null) as FormObject;
  let pairs = 0;
  for (const [key, value] of params) {
    pairs += 1;
    if (pairs > maxFormPairs)
      throw validationError('FORM_TOO_MANY_FIELDS', `the form has more than ${maxFormPairs} fields`);
    if (key.length > maxKeyLength)
      throw validationError('FORM_INVALID', `a form key is longer than ${maxKeyLength} characters`);
    place(root, segmentsOf(key), value, key);
  }
  return root;
}
