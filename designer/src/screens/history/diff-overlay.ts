// A node diff → the overlay of each side's read-only canvas: the diff colours plus a note in words
// on every marked node, so the change is never told by colour alone.
import type { Overlay } from '../../state/overlay.ts';
import type { Translate } from '../test-deal/trace-overlay.ts';
import type { NodeChange, NodeDiff } from './node-diff.ts';

export const changeMark: Record<NodeChange, string> = { added: '+', removed: '−', changed: '✎' };

function sideOverlay(marks: Record<string, NodeChange>, t: Translate): Overlay {
  const nodeNotes: Record<string, string> = {};
  for (const [nodeId, change] of Object.entries(marks)) {
    nodeNotes[nodeId] = `${changeMark[change]} ${t(`screens.history.change.${change}`)}`;
  }
  return { diff: { ...marks }, nodeNotes };
}

export function diffOverlays(diff: NodeDiff, t: Translate): { before: Overlay; after: Overlay } {
  return { before: sideOverlay(diff.before, t), after: sideOverlay(diff.after, t) };
}
