import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleReason } from './build-designer-if-stale.ts';

const places: string[] = [];
afterEach(() => {
  for (const place of places.splice(0)) rmSync(place, { recursive: true, force: true });
});

function touch(root: string, file: string, secondsAgo: number): void {
  const path = join(root, file);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, at, at);
}

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'inkflow-stale-'));
  places.push(root);
  touch(root, 'designer/src/main.tsx', 100);
  touch(root, 'engine/flow/node-kinds.ts', 100);
  touch(root, 'schemas/flow.schema.json', 100);
  return root;
}

describe('staleReason', () => {
  it('says the build is missing when designer/dist has no index.html', () => {
    expect(staleReason(repository())).toBe('designer/dist is missing');
  });

  it('is up to date when the build is newer than every source', () => {
    const root = repository();
    touch(root, 'designer/dist/index.html', 10);
    expect(staleReason(root)).toBeUndefined();
  });

  it('names the designer source, engine or schema file that changed after the build', () => {
    const root = repository();
    touch(root, 'designer/dist/index.html', 10);
    touch(root, 'engine/operators/operators.ts', 1);
    expect(staleReason(root)).toBe('engine/operators/operators.ts is newer than designer/dist');
    touch(root, 'designer/dist/index.html', 0);
    touch(root, 'designer/src/editor/FlowCanvas.tsx', -5);
    expect(staleReason(root)).toBe('designer/src/editor/FlowCanvas.tsx is newer than designer/dist');
  });

  it('ignores tests, notes, screenshots and the build itself', () => {
    const root = repository();
    touch(root, 'designer/dist/index.html', 10);
    touch(root, 'designer/src/graph/layout.test.ts', 1);
    touch(root, 'designer/NEEDS.md', 1);
    touch(root, 'designer/docs/screenshots/editor.png', 1);
    touch(root, 'designer/dist/assets/main.js', 1);
    expect(staleReason(root)).toBeUndefined();
  });
});
