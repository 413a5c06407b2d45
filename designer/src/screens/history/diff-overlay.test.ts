import { describe, expect, it } from 'vitest';
import { setLanguage, t } from '../../i18n/i18n.ts';
import { diffOverlays } from './diff-overlay.ts';

describe('diffOverlays', () => {
  it('marks each changed node with a sign and a word as well as the diff colour', () => {
    setLanguage('en');
    const overlays = diffOverlays(
      { before: { a: 'removed', b: 'changed' }, after: { b: 'changed', c: 'added' }, changes: [] },
      t,
    );
    expect(overlays.before).toEqual({
      diff: { a: 'removed', b: 'changed' },
      nodeNotes: { a: '− Removed', b: '✎ Changed' },
    });
    expect(overlays.after.nodeNotes).toEqual({ b: '✎ Changed', c: '+ Added' });
  });
});
