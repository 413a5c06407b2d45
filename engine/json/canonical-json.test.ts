import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('writes the same text for the same event whatever its key order and the sign of zero', () => {
    const a = { deal: { amount: -0, id: 'D-1' }, eventId: 'e' };
    const b = { eventId: 'e', deal: { id: 'D-1', amount: 0 } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"deal":{"amount":0,"id":"D-1"},"eventId":"e"}');
  });

  it('survives a trip through storage: the parsed stored text has the same canonical form', () => {
    const event = { eventId: 'e', deal: { amount: -0, fields: { z: 1e-7, a: [1, 'x', null, true] } } };
    const stored = canonicalJson(event);
    expect(canonicalJson(JSON.parse(stored))).toBe(stored);
  });

  it('tells different values apart', () => {
    expect(canonicalJson({ amount: 1 })).not.toBe(canonicalJson({ amount: 2 }));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
  });
});
