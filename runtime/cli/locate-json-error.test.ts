import { describe, expect, it } from 'vitest';
import { locateJsonError } from './locate-json-error.ts';

describe('locateJsonError', () => {
  it('finds nothing wrong with JSON that JSON.parse accepts', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\u00e9\\n", true, false, null, {"a": []}] ', '"x"', '0']) {
      expect(JSON.parse(text)).toBeDefined();
      expect(locateJsonError(text)).toBeUndefined();
    }
  });

  it('gives the 1-based line and column of the first offending character', () => {
    expect(locateJsonError('{\n  "a": 1,\n  "b": }\n')).toEqual({ line: 3, column: 8, reason: 'unexpected "}"' });
    expect(locateJsonError('{\n  "a": 1,\n}')).toEqual({
      line: 3,
      column: 1,
      reason: 'expected a property name in double quotes but found "}"',
    });
    expect(locateJsonError('[1 2]')).toEqual({ line: 1, column: 4, reason: 'expected "," or "]" but found "2"' });
    expect(locateJsonError('{"a" 1}')).toEqual({ line: 1, column: 6, reason: 'expected ":" but found "1"' });
  });

  it('explains truncated files, empty files, trailing text and bad strings or numbers', () => {
    expect(locateJsonError('{"a": [1,')).toEqual({ line: 1, column: 10, reason: 'unexpected end of file' });
    expect(locateJsonError('  \n')).toEqual({ line: 2, column: 1, reason: 'the file is empty' });
    expect(locateJsonError('{} x')).toEqual({ line: 1, column: 4, reason: 'unexpected text after the JSON value' });
    expect(locateJsonError('{"a": "open}')?.reason).toBe('unterminated string');
    expect(locateJsonError('{"a": "open}')?.column).toBe(7);
    expect(locateJsonError('"a\nb"')).toEqual({
      line: 1,
      column: 3,
      reason: 'line break or control character inside a string',
    });
    expect(locateJsonError('"\\x"')?.reason).toBe('invalid escape sequence in a string');
    expect(locateJsonError('"\\u12g4"')?.reason).toBe('invalid escape sequence in a string');
    expect(locateJsonError('[-]')?.reason).toBe('invalid number');
    expect(locateJsonError('[tru]')?.reason).toBe('unexpected "t"');
  });

  it('agrees with JSON.parse on what is JSON, over many damaged documents', () => {
    const original = JSON.stringify({ a: [1, 2.5, { b: 'c\\"d', e: null }], f: true, g: -0.1e-2 }, null, 2);
    for (let cut = 0; cut < original.length; cut++) {
      for (const damage of ['', 'x', '}', ',', '"', ' ']) {
        const text = original.slice(0, cut) + damage + original.slice(cut + 1);
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(locateJsonError(text) === undefined, JSON.stringify(text)).toBe(parses);
      }
    }
  });
});
