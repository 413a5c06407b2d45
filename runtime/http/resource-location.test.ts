import { describe, expect, it } from 'vitest';
import { documentLocation, flowLocation, runLocation } from './resource-location.ts';

describe('Location of created resources', () => {
  it('names the resource by its encoded id', () => {
    expect(runLocation('0190a0a0-0000-7000-8000-000000000000')).toBe(
      '/api/v1/runs/0190a0a0-0000-7000-8000-000000000000',
    );
    expect(flowLocation('a b')).toBe('/api/v1/flows/a%20b');
    expect(documentLocation('d-1')).toBe('/api/v1/documents/d-1');
  });

  it('refuses to build one without an id (once answered as /api/v1/runs/undefined)', () => {
    expect(() => runLocation(undefined)).toThrow(/without an id/);
    expect(() => runLocation('')).toThrow(/without an id/);
    expect(() => documentLocation(null)).toThrow(/without an id/);
  });
});
