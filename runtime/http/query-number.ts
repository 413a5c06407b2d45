// A whole-number query parameter within bounds (?limit=…), or a 400 that says which values are taken.
import { validationError } from '../errors/app-error.ts';

export function queryNumber(
  value: string | string[] | undefined,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === '') return bounds.fallback;
  const number = /^[0-9]{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= bounds.min && number <= bounds.max)) {
    const message = `must be a whole number from ${bounds.min} to ${bounds.max}`;
    throw validationError('QUERY_INVALID', `${name} ${message}, not "${text.slice(0, 40)}"`, [
      { pointer: `/${name}`, message },
    ]);
  }
  return number;
}
