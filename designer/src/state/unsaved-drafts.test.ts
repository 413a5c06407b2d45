import { describe, expect, it } from 'vitest';
import { demoFlow } from '../graph/fixture-flows.test-support.ts';
import { forgetUnsaved, keepUnsaved, readUnsaved } from './unsaved-drafts.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

describe('unsaved drafts', () => {
  it('keeps a flow per id until it is forgotten', () => {
    const storage = memoryStorage();
    const flow = { ...demoFlow(), name: 'edited' };
    keepUnsaved(flow.id, flow, '2026-01-01T00:00:00Z', storage);
    expect(readUnsaved(flow.id, storage)?.flow).toEqual(flow);
    expect(readUnsaved(flow.id, storage)?.baseUpdatedAt).toBe('2026-01-01T00:00:00Z');
    expect(readUnsaved('other', storage)).toBeUndefined();
    forgetUnsaved(flow.id, storage);
    expect(readUnsaved(flow.id, storage)).toBeUndefined();
  });

  it('ignores a corrupt or foreign entry', () => {
    const storage = memoryStorage();
    storage.setItem('inkflow.unsaved.x', '{not json');
    expect(readUnsaved('x', storage)).toBeUndefined();
    storage.setItem('inkflow.unsaved.y', JSON.stringify({ flow: { id: 'z' } }));
    expect(readUnsaved('y', storage)).toBeUndefined();
  });
});
