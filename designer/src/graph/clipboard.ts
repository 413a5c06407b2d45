// Copy, paste and duplicate of a selection: its nodes and notes with the edges between them
// (edges leaving the selection are dropped), pasted with fresh ids at an offset.

import type { Flow, FlowEdge, FlowNode, FlowNote } from '../../../schemas/types.generated.ts';
import { checkFlow } from '../../../schemas/validators.ts';
import { freshId, idsInUse } from './flow-edits.ts';
import { isNoteId, noteCanvasId, noteIdOf } from './flow-mapping.ts';

export const clipboardFormat = 'inkflow/selection@1';

export interface ClipboardContent {
  format: typeof clipboardFormat;
  nodes: FlowNode[];
  edges: FlowEdge[];
  notes: FlowNote[];
}

export function copySelection(flow: Flow, canvasIds: Iterable<string>): ClipboardContent {
  const nodeIds = new Set<string>();
  const noteIds = new Set<string>();
  for (const id of canvasIds) {
    if (isNoteId(id)) noteIds.add(noteIdOf(id));
    else nodeIds.add(id);
  }
  return {
    format: clipboardFormat,
    nodes: flow.nodes.filter((node) => nodeIds.has(node.id)),
    edges: flow.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)),
    notes: (flow.notes ?? []).filter((note) => noteIds.has(note.id)),
  };
}

export interface PasteResult {
  flow: Flow;
  /** Canvas ids of what was pasted (to select it). */
  pastedIds: string[];
}

export function pasteContent(flow: Flow, content: ClipboardContent, offset = { x: 40, y: 40 }): PasteResult {
  const taken = idsInUse(flow);
  const renamed = new Map<string, string>();
  const shift = (position: { x: number; y: number }) => ({ x: position.x + offset.x, y: position.y + offset.y });
  const nodes = content.nodes.map((node) => {
    const id = freshId(node.id.replace(/-\d+$/, ''), taken);
    renamed.set(node.id, id);
    return { ...structuredClone(node), id, position: shift(node.position) } as FlowNode;
  });
  const edges = content.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (!source || !target) return [];
    return [{ ...edge, id: freshId(edge.id.replace(/-\d+$/, ''), taken), source, target }];
  });
  const notes = content.notes.map((note) => ({
    ...note,
    id: freshId(note.id.replace(/-\d+$/, ''), taken),
    position: shift(note.position),
  }));
  const next: Flow = { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] };
  if (notes.length > 0 || flow.notes) next.notes = [...(flow.notes ?? []), ...notes];
  return { flow: next, pastedIds: [...nodes.map((node) => node.id), ...notes.map((note) => noteCanvasId(note.id))] };
}

export function duplicateSelection(flow: Flow, canvasIds: Iterable<string>): PasteResult {
  return pasteContent(flow, copySelection(flow, canvasIds));
}

/**
 * Reads clipboard text back; anything else than our own format, or nodes the flow schema refuses,
 * gives undefined (the schema checks them inside a throwaway flow).
 */
export function parseClipboard(text: string, flow: Flow): ClipboardContent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const content = parsed as Partial<ClipboardContent> | null;
  if (!content || content.format !== clipboardFormat) return undefined;
  const probe = { ...flow, nodes: content.nodes ?? [], edges: content.edges ?? [], notes: content.notes ?? [] };
  if (!checkFlow(probe).ok) return undefined;
  return content as ClipboardContent;
}
