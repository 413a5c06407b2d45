import { describe, expect, it } from 'vitest';
import { checkFlow } from '../../../schemas/validators.ts';
import { copySelection, duplicateSelection, parseClipboard, pasteContent } from './clipboard.ts';
import { demoFlow } from './fixture-flows.test-support.ts';
import { noteCanvasId } from './flow-mapping.ts';

describe('clipboard', () => {
  const flow = demoFlow();
  const edge = flow.edges.find((candidate) => candidate.sourceHandle === 'true') ?? flow.edges[0];
  const inner = [edge?.source as string, edge?.target as string];

  it('copies the selected nodes with only the edges between them', () => {
    const content = copySelection(flow, inner);
    expect(content.nodes.map((node) => node.id).sort()).toEqual([...inner].sort());
    expect(
      content.edges.every((candidate) => inner.includes(candidate.source) && inner.includes(candidate.target)),
    ).toBe(true);
    expect(content.edges.map((candidate) => candidate.id)).toContain(edge?.id);
  });

  it('pastes with fresh ids, rewired inner edges and offset positions; the result is a valid flow', () => {
    const { flow: pasted, pastedIds } = pasteContent(flow, copySelection(flow, inner), { x: 40, y: 40 });
    expect(pasted.nodes).toHaveLength(flow.nodes.length + 2);
    const ids = new Set([...pasted.nodes.map((node) => node.id), ...pasted.edges.map((candidate) => candidate.id)]);
    expect(ids.size).toBe(pasted.nodes.length + pasted.edges.length);
    const fresh = pasted.nodes.filter((node) => pastedIds.includes(node.id));
    expect(fresh).toHaveLength(2);
    for (const node of fresh) expect(inner).not.toContain(node.id);
    const original = flow.nodes.find((node) => node.id === inner[0]);
    const copy = fresh.find((node) => node.type === original?.type);
    expect(copy?.position).toEqual({ x: (original?.position.x ?? 0) + 40, y: (original?.position.y ?? 0) + 40 });
    const newEdges = pasted.edges.slice(flow.edges.length);
    expect(newEdges).toHaveLength(1);
    expect(pastedIds).toContain(newEdges[0]?.source);
    expect(pastedIds).toContain(newEdges[0]?.target);
    expect(newEdges[0]?.sourceHandle).toBe(edge?.sourceHandle);
    expect(checkFlow(pasted).ok).toBe(true);
  });

  it('duplicates notes too and leaves the original untouched', () => {
    const withNote = { ...flow, notes: [{ id: 'why', position: { x: 0, y: 0 }, text: 'because' }] };
    const { flow: duplicated, pastedIds } = duplicateSelection(withNote, [noteCanvasId('why')]);
    expect(duplicated.notes).toHaveLength(2);
    expect(duplicated.notes?.[0]).toEqual(withNote.notes[0]);
    expect(pastedIds).toEqual([noteCanvasId(duplicated.notes?.[1]?.id as string)]);
  });

  it('reads back only its own format with schema-valid nodes', () => {
    const content = copySelection(flow, inner);
    expect(parseClipboard(JSON.stringify(content), flow)).toEqual(content);
    expect(parseClipboard('hello', flow)).toBeUndefined();
    const broken = { ...content, nodes: [{ ...content.nodes[0], type: 'explode' }] };
    expect(parseClipboard(JSON.stringify(broken), flow)).toBeUndefined();
  });
});
