import { describe, expect, it } from 'vitest';
import { findNonFiniteNumber } from './find-non-finite-number.ts';

describe('findNonFiniteNumber', () => {
  it('finds what JSON.parse makes of 1e400 and -1e400, with its pointer', () => {
    expect(findNonFiniteNumber(JSON.parse('{"a":[1,{"b":1e400}]}'))).toBe('/a/1/b');
    expect(findNonFiniteNumber(JSON.parse('[0,-1e400]'))).toBe('/1');
    expect(findNonFiniteNumber(Number.NaN)).toBe('/');
  });

  it('escapes the pointer and reports the first in document order', () => {
    expect(findNonFiniteNumber({ 'a/b': { '~': Number.POSITIVE_INFINITY }, z: Number.NaN })).toBe('/a~1b/~0');
  });

  it('accepts finite numbers of every size, and documents too deep to recurse into', () => {
    expect(findNonFiniteNumber({ big: 1.7976931348623157e308, tiny: 5e-324, zero: -0, text: 'Infinity' })).toBe(
      undefined,
    );
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(findNonFiniteNumber(deep)).toBe(undefined);
  });
});
